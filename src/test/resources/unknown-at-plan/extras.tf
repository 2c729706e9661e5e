# Beside examples/hcl-platform/platform.tf: the other resources whose attributes callers feed into the module
# (module/FromResource.java names them), each unknown at plan.

resource "aws_eip" "nat" {
  domain = "vpc"
}

resource "aws_security_group" "redis" {
  name_prefix = "platform-redis-"
  description = "An existing group for the Redis nodes"
  vpc_id      = aws_vpc.main.id
}

resource "random_password" "redis" {
  length  = 32
  special = false
}

resource "aws_route53_zone" "internal" {
  name = "platform.internal"

  vpc {
    vpc_id = aws_vpc.main.id
  }
}

# Groups a platform team shares between caches; their ids are known only after apply.
resource "aws_elasticache_parameter_group" "shared" {
  name   = "platform-redis7"
  family = "redis7"
}

resource "aws_elasticache_subnet_group" "shared" {
  name       = "platform-private"
  subnet_ids = [aws_subnet.a.id, aws_subnet.b.id]
}

resource "aws_elasticache_user" "default" {
  user_id       = "platform-default"
  user_name     = "default"
  engine        = "redis"
  access_string = "off -@all"

  authentication_mode {
    type = "no-password-required"
  }
}

resource "aws_elasticache_user_group" "apps" {
  user_group_id = "platform-apps"
  engine        = "redis"
  user_ids      = [aws_elasticache_user.default.user_id]
}
