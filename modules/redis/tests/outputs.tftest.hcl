# What Django, Celery and Terratest read from the module: connection URLs, endpoints and port.

mock_provider "aws" {
  mock_resource "aws_elasticache_replication_group" {
    defaults = {
      primary_endpoint_address = "master.django-cache.abc123.use1.cache.amazonaws.com"
      reader_endpoint_address  = "replica.django-cache.abc123.use1.cache.amazonaws.com"
      arn                      = "arn:aws:elasticache:us-east-1:123456789012:replicationgroup:django-cache"
      member_clusters          = ["django-cache-001", "django-cache-002"]
      engine_version_actual    = "7.1.0"
    }
  }
  mock_resource "aws_security_group" {
    defaults = {
      id  = "sg-0123456789abcdef0"
      arn = "arn:aws:ec2:us-east-1:123456789012:security-group/sg-0123456789abcdef0"
    }
  }
}
mock_provider "random" {}

variables {
  name        = "django-cache"
  node_type   = "cache.t4g.micro"
  subnet_ids  = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  vpc_id      = "vpc-0a1b2c3d"
  environment = "dev"
}

run "tls_on_by_default_gives_rediss_urls" {
  assert {
    condition     = output.redis_url == "rediss://master.django-cache.abc123.use1.cache.amazonaws.com:6379/0"
    error_message = "redis_url must be rediss://<primary>:<port>/0 when TLS is on."
  }
  assert {
    condition     = output.celery_broker_url == "rediss://master.django-cache.abc123.use1.cache.amazonaws.com:6379/1?ssl_cert_reqs=required"
    error_message = "celery_broker_url must use DB 1 and ask Celery to check the TLS certificate."
  }
  assert {
    condition     = output.reader_endpoint_address == "replica.django-cache.abc123.use1.cache.amazonaws.com"
    error_message = "reader_endpoint_address must pass the replication group's reader endpoint through."
  }
  assert {
    condition     = output.primary_endpoint_address == "master.django-cache.abc123.use1.cache.amazonaws.com"
    error_message = "primary_endpoint_address must pass the primary endpoint through."
  }
  assert {
    condition     = output.port == 6379
    error_message = "port must default to 6379."
  }
  assert {
    condition     = output.redis_security_group_id == "sg-0123456789abcdef0"
    error_message = "redis_security_group_id must be the module's security group."
  }
  assert {
    condition     = output.auth_token == null
    error_message = "auth_token must be null while AUTH is off."
  }
}

run "tls_off_gives_redis_urls" {
  variables {
    transit_encryption_enabled = false
    port                       = 6380
  }
  assert {
    condition     = output.redis_url == "redis://master.django-cache.abc123.use1.cache.amazonaws.com:6380/0"
    error_message = "redis_url must be redis://<primary>:<port>/0 when TLS is off."
  }
  assert {
    condition     = output.celery_broker_url == "redis://master.django-cache.abc123.use1.cache.amazonaws.com:6380/1"
    error_message = "celery_broker_url must be redis://<primary>:<port>/1 when TLS is off."
  }
}

run "given_auth_token_is_url_encoded_into_both_urls" {
  variables {
    auth_token_enabled = true
    auth_token         = "Not-a-secret-fixture&1"
  }
  assert {
    condition     = output.redis_url == "rediss://:Not-a-secret-fixture%261@master.django-cache.abc123.use1.cache.amazonaws.com:6379/0"
    error_message = "redis_url must carry the URL-encoded token as the password."
  }
  assert {
    condition     = output.celery_broker_url == "rediss://:Not-a-secret-fixture%261@master.django-cache.abc123.use1.cache.amazonaws.com:6379/1?ssl_cert_reqs=required"
    error_message = "celery_broker_url must carry the URL-encoded token as the password."
  }
  assert {
    condition     = output.connection_url == "rediss://:Not-a-secret-fixture%261@master.django-cache.abc123.use1.cache.amazonaws.com:6379"
    error_message = "connection_url must be rediss://:<token>@<primary>:<port> without a database number."
  }
}

run "generated_auth_token_is_used_when_none_is_given" {
  variables {
    auth_token_enabled = true
  }
  assert {
    condition     = output.auth_token != null && output.redis_url == "rediss://:${output.auth_token}@master.django-cache.abc123.use1.cache.amazonaws.com:6379/0"
    error_message = "With auth_token_enabled and no auth_token, the generated token must be in redis_url."
  }
}
