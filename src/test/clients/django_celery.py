"""Real Django, django-redis and Celery against a real Redis, with the URLs the module's outputs produce.

Usage: django_celery.py CHECK   (environment: REDIS_URL, CELERY_BROKER_URL, and SSL_CERT_FILE for a test CA)
Prints one line per finding and exits non-zero when the check fails. Driven by RealClientsTest.
"""
import json
import os
import subprocess
import sys
import time

import django
from django.conf import settings

HERE = os.path.dirname(os.path.abspath(__file__))

# The seed's "Connecting from Django" settings, verbatim apart from the settings module around them.
settings.configure(
    CACHES={
        'default': {
            'BACKEND': 'django_redis.cache.RedisCache',
            'LOCATION': os.environ['REDIS_URL'],  # redis://host:port/0
            'OPTIONS': {
                'CLIENT_CLASS': 'django_redis.client.DefaultClient',
                'CONNECTION_POOL_KWARGS': {
                    'max_connections': 50,
                    'retry_on_timeout': True,
                },
            },
        }
    },
    SESSION_ENGINE='django.contrib.sessions.backends.cache',
    SESSION_CACHE_ALIAS='default',
    INSTALLED_APPS=['django.contrib.sessions'],
    SECRET_KEY='not-a-secret-client-check',
    USE_TZ=True,
)
django.setup()

from django.core.cache import cache  # noqa: E402  (needs the settings above)

sys.path.insert(0, HERE)
from celery_tasks import app, add  # noqa: E402

TASK_TIMEOUT = 30


def check_cache():
    cache.set('greeting', {'hello': 'world'}, timeout=60)
    assert cache.get('greeting') == {'hello': 'world'}, cache.get('greeting')
    cache.delete('greeting')
    assert cache.get('greeting') is None
    print('django cache: set, get and delete through django-redis work')


def check_sessions():
    from django.contrib.sessions.backends.cache import SessionStore
    session = SessionStore()
    session['user_id'] = 42
    session.save()
    loaded = SessionStore(session_key=session.session_key)
    assert loaded['user_id'] == 42, dict(loaded)
    print('django sessions: a cache-backed session saved and loaded again')


class Worker:
    """A real Celery worker (solo pool) in its own process, stopped on exit."""

    def __enter__(self):
        self.process = subprocess.Popen(
            [sys.executable, '-m', 'celery', '-A', 'celery_tasks', 'worker', '--pool=solo', '--concurrency=1',
             '--without-gossip', '--without-mingle', '--without-heartbeat', '--loglevel=WARNING'],
            cwd=HERE, stdout=sys.stderr, stderr=sys.stderr)
        return self

    def __exit__(self, *exc):
        self.process.terminate()
        try:
            self.process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=5)


def queued_messages():
    """Messages waiting in Celery's default queue (a list in DB 1), read with the broker connection itself."""
    with app.connection_for_write() as connection:
        return connection.default_channel.client.llen('celery')


def check_celery():
    with Worker():
        result = add.delay(2, 3)
        assert result.get(timeout=TASK_TIMEOUT) == 5
    print('celery: a real worker ran the task through the broker URL and returned 5 through the result backend')


def check_cache_clear_keeps_queue():
    result = add.delay(20, 22)
    assert queued_messages() == 1, queued_messages()
    cache.clear()
    assert queued_messages() == 1, 'cache.clear() removed the queued task'
    with Worker():
        assert result.get(timeout=TASK_TIMEOUT) == 42
    print('db separation: cache.clear() on DB 0 left the queued task on DB 1, and a worker ran it afterwards')


def fill_cache_past_maxmemory(client_info):
    """Django cache entries (each with Django's default TTL of 300 s) until Redis has evicted some."""
    blob = 'x' * 4096
    for i in range(20000):
        cache.set('filler-%d' % i, blob)
        if i % 500 == 499 and client_info('stats')['evicted_keys'] > 0 and i > 4000:
            break
    return client_info('stats')['evicted_keys']


def check_queue_under_cache_pressure():
    from django_redis import get_redis_connection
    raw = get_redis_connection('default')
    result = add.delay(7, 8)
    evicted = fill_cache_past_maxmemory(raw.info)
    assert evicted > 0, 'the cache never filled the node'
    waiting = queued_messages()
    outcome = {'policy': raw.config_get('maxmemory-policy')['maxmemory-policy'], 'evicted_keys': evicted,
               'queued_after_fill': waiting}
    if waiting:
        with Worker():
            outcome['result'] = result.get(timeout=TASK_TIMEOUT)
    print(json.dumps(outcome))


def check_allkeys_keeps_writing():
    from django_redis import get_redis_connection
    raw = get_redis_connection('default')
    evicted = fill_cache_past_maxmemory(raw.info)
    cache.set('after-the-fill', 'still accepted')
    assert cache.get('after-the-fill') == 'still accepted'
    print('eviction (%s): the node filled up, Redis evicted %d keys and kept accepting writes'
          % (raw.config_get('maxmemory-policy')['maxmemory-policy'], evicted))


def check_rbac_isolation():
    """The cache's user (redis_url) works on Django's keys and is refused Celery's: RBAC keeps the two apart."""
    import redis
    client = redis.Redis.from_url(os.environ['REDIS_URL'])
    cache.set('rbac-probe', 1, timeout=60)
    assert cache.get('rbac-probe') == 1
    try:
        client.get('celery-task-meta-probe')
    except redis.exceptions.NoPermissionError as refused:
        print('rbac: the cache user works on Django keys and is refused a Celery key (%s)' % str(refused).split('.')[0])
        return
    raise AssertionError("the cache user could read a Celery key")


CHECKS = {
    'rbac-isolation': check_rbac_isolation,
    'cache': check_cache,
    'sessions': check_sessions,
    'celery': check_celery,
    'cache-clear-keeps-queue': check_cache_clear_keeps_queue,
    'queue-under-cache-pressure': check_queue_under_cache_pressure,
    'allkeys-keeps-writing': check_allkeys_keeps_writing,
}

if __name__ == '__main__':
    CHECKS[sys.argv[1]]()
