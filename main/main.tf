# A plain Terraform root configuration that consumes the exported module the way a Terraform team does,
# mirroring the "Production Configuration" example of the module this project replaces. Nothing here is
# generated; it is the module's first customer and is planned offline by the test suite.

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

resource "aws_sns_topic" "alerts" {
  name = "lightwave-platform-alerts"
}

module "redis_prod" {
  source = "../modules/redis"

  name       = "lightwave-django-prod"
  node_type  = "cache.t4g.small"
  subnet_ids = var.private_subnet_ids # the original read data.aws_subnets.private.ids
  vpc_id     = var.vpc_id

  environment                = "prod"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true

  # Security
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token_enabled         = false # Enable if using AUTH
  allowed_security_group_ids = var.app_security_group_ids

  # Backups
  snapshot_retention_limit = 30
  snapshot_window          = "03:00-04:00"

  # Performance tuning
  maxmemory_policy = "volatile-lru" # evicts only keys with a TTL: cache entries, never queued Celery tasks
  timeout          = "300"

  # Monitoring
  notification_topic_arn = aws_sns_topic.alerts.arn
  log_retention_days     = 30

  tags = {
    Application = "LightWave Django API"
    Environment = "production"
    Owner       = "Platform Team"
    CostCenter  = "engineering"
  }
}
