# What a platform team creates in the same apply as its caches: the network, the app's security group, the alert
# topic and the encryption key. None of their ids or ARNs is known when Terraform plans, and the module plans anyway.

resource "aws_vpc" "main" {
  cidr_block           = "10.20.0.0/16"
  enable_dns_support   = true
  enable_dns_hostnames = true
  tags                 = { Name = "platform" }
}

resource "aws_subnet" "a" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.1.0/24"
  availability_zone = "${var.region}a"
  tags              = { Name = "platform-private-a" }
}

resource "aws_subnet" "b" {
  vpc_id            = aws_vpc.main.id
  cidr_block        = "10.20.2.0/24"
  availability_zone = "${var.region}b"
  tags              = { Name = "platform-private-b" }
}

# The Django and Celery tasks run in this group; the caches admit it.
resource "aws_security_group" "app" {
  name_prefix = "platform-app-"
  description = "Django web and Celery worker tasks"
  vpc_id      = aws_vpc.main.id
}

resource "aws_sns_topic" "alerts" {
  name = "platform-alerts"
}

resource "aws_kms_key" "redis" {
  description             = "ElastiCache at-rest encryption of the platform caches"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

resource "aws_kms_key" "secrets" {
  description             = "Secrets Manager encryption of the platform's Redis user passwords"
  deletion_window_in_days = 30
  enable_key_rotation     = true
}

# The role the Django, Celery and realtime tasks run with.
resource "aws_iam_role" "app" {
  name_prefix = "platform-app-"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "ecs-tasks.amazonaws.com" } }]
  })
}
