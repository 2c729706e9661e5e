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
