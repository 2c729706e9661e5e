# The "Usage" example of the Django Redis module this project replaces, copied verbatim (module block below), with
# only the provider and the variable it refers to around it. It passes no vpc_id.

provider "aws" {
  region = "eu-west-1"
}

variable "private_subnet_ids" {
  type = list(string)
}

module "redis" {
  source = "../../modules/redis"

  name       = "my-django-cache"
  node_type  = "cache.t4g.micro"
  subnet_ids = var.private_subnet_ids

  # Production settings
  environment                = "prod"
  num_cache_clusters         = 2  # 1 primary + 1 replica
  automatic_failover_enabled = true
  multi_az_enabled           = true
  snapshot_retention_limit   = 7

  tags = {
    Application = "Django API"
    Owner       = "Platform Team"
  }
}
