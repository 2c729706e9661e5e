"""The Celery app of the client checks, configured exactly as the Django module's seed configures Celery."""
import os

from celery import Celery

app = Celery("redis_module_checks")
# The seed's settings: CELERY_BROKER_URL = os.environ['CELERY_BROKER_URL']; CELERY_RESULT_BACKEND = CELERY_BROKER_URL
CELERY_BROKER_URL = os.environ["CELERY_BROKER_URL"]
CELERY_RESULT_BACKEND = CELERY_BROKER_URL
app.conf.broker_url = CELERY_BROKER_URL
app.conf.result_backend = CELERY_RESULT_BACKEND
# Bounded: a broken URL must fail the check, not hang it.
app.conf.broker_connection_retry_on_startup = False
app.conf.broker_connection_max_retries = 2
app.conf.redis_socket_timeout = 10
app.conf.redis_socket_connect_timeout = 10
app.conf.broker_transport_options = {"socket_timeout": 10, "socket_connect_timeout": 10}


@app.task(name="checks.add")
def add(x, y):
    return x + y
