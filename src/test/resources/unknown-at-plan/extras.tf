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

# Where a platform sends its logs instead of CloudWatch: the stream's name follows its bucket's, known only after apply.
resource "aws_s3_bucket" "logs" {
  bucket_prefix = "platform-redis-logs-"
}

resource "aws_iam_role" "firehose" {
  name_prefix = "platform-firehose-"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "firehose.amazonaws.com" } }]
  })
}

resource "aws_kinesis_firehose_delivery_stream" "logs" {
  name        = "${aws_s3_bucket.logs.bucket}-stream"
  destination = "extended_s3"

  extended_s3_configuration {
    role_arn   = aws_iam_role.firehose.arn
    bucket_arn = aws_s3_bucket.logs.arn
  }
}
