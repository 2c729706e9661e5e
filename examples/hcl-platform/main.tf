# A plain Terraform root configuration, as a team writing HCL has it: its own network and app security group, and
# two calls of the module beside them, a Django cache and a Celery broker on separate clusters.

terraform {
  required_version = ">= 1.5.0"
  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.73.0"
    }
  }
}

provider "aws" {
  region = var.region
}

variable "region" {
  type    = string
  default = "eu-west-1"
}

variable "environment" {
  type    = string
  default = "staging"
}

# Django's cache only: nothing here must survive an eviction, so any key may make room.
module "cache" {
  source = "../../modules/redis"

  name        = "platform-cache"
  environment = var.environment
  node_type   = "cache.t4g.small"

  vpc_id                     = aws_vpc.main.id
  subnet_ids                 = [aws_subnet.a.id, aws_subnet.b.id]
  allowed_security_group_ids = [aws_security_group.app.id]
  kms_key_arn                = aws_kms_key.redis.arn
  notification_topic_arn     = aws_sns_topic.alerts.arn
  maxmemory_policy           = "allkeys-lru"
}

# The realtime service's own cluster: each app connects as its own Redis user, with a password in Secrets Manager
# encrypted by the platform's key; the app's role reads exactly these secrets (the module's policy output).
module "realtime" {
  source = "../../modules/redis"

  name        = "platform-realtime"
  environment = var.environment
  node_type   = "cache.t4g.small"

  vpc_id                     = aws_vpc.main.id
  subnet_ids                 = [aws_subnet.a.id, aws_subnet.b.id]
  allowed_security_group_ids = [aws_security_group.app.id]
  kms_key_arn                = aws_kms_key.redis.arn
  secret_kms_key_arn         = aws_kms_key.secrets.arn
  rbac_users                 = { realtime = "on ~presence:* &* +@all" }
  parameters                 = { activedefrag = "yes" }
}

resource "aws_iam_role_policy" "app_reads_realtime_secrets" {
  name   = "platform-realtime-redis-secrets"
  role   = aws_iam_role.app.id
  policy = module.realtime.secrets_read_policy_json
}

# Celery's broker and result backend: a task is never evicted, and clients need the AUTH token.
module "celery_broker" {
  source = "../../modules/redis"

  name        = "platform-celery"
  environment = var.environment
  node_type   = "cache.t4g.small"

  vpc_id                     = aws_vpc.main.id
  subnet_ids                 = [aws_subnet.a.id, aws_subnet.b.id]
  allowed_security_group_ids = [aws_security_group.app.id]
  kms_key_arn                = aws_kms_key.redis.arn
  alarm_topic_arns           = [aws_sns_topic.alerts.arn]
  maxmemory_policy           = "noeviction"
  auth_token_enabled         = true
}

output "django_cache_url" {
  description = "Django CACHES['default']['LOCATION']"
  value       = module.cache.redis_url
  sensitive   = true
}

output "celery_broker_url" {
  description = "CELERY_BROKER_URL and CELERY_RESULT_BACKEND"
  value       = module.celery_broker.celery_broker_url
  sensitive   = true
}
