# The "Example: Production Configuration" of the Django Redis module this project replaces, copied verbatim
# (module block below), with only what it refers to around it: the provider, the private subnets it reads and the
# SNS topic it notifies. It passes no vpc_id: the module takes the VPC from the first subnet.

provider "aws" {
  region = "eu-west-1"
}

data "aws_subnets" "private" {
  tags = {
    Tier = "private"
  }
}

resource "aws_sns_topic" "alerts" {
  name = "lightwave-platform-alerts"
}

module "redis_prod" {
  source = "../../modules/redis"

  name       = "lightwave-django-prod"
  node_type  = "cache.t4g.small"
  subnet_ids = data.aws_subnets.private.ids

  environment                = "prod"
  num_cache_clusters         = 2
  automatic_failover_enabled = true
  multi_az_enabled           = true

  # Security
  at_rest_encryption_enabled = true
  transit_encryption_enabled = true
  auth_token_enabled         = false  # Enable if using AUTH

  # Backups
  snapshot_retention_limit = 30
  snapshot_window          = "03:00-04:00"

  # Performance tuning
  maxmemory_policy = "allkeys-lru"
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
