# Generated from the module's rule catalog (RedisVariables.java); do not edit.
# Each run breaks one AWS rule and expects the matching validation block or precondition to fail.

mock_provider "aws" {}
mock_provider "random" {}

variables {
  name        = "django-cache"
  node_type   = "cache.t4g.micro"
  subnet_ids  = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  environment = "dev"
  vpc_id      = "vpc-0a1b2c3d"
}

run "variables_rule_1" {
  command = plan

  variables {
    alarm_connections_threshold     = 0
    alarm_cpu_threshold             = 101
    alarm_engine_cpu_threshold      = 0
    alarm_evictions_threshold       = -1
    alarm_memory_threshold          = 0
    alarm_topic_arns                = ["alerts"]
    allowed_cidr_blocks             = ["10.0.0.0"]
    allowed_security_group_ids      = ["web"]
    auth_token                      = "Not-a-secret@"
    auth_token_update_strategy      = "rotate"
    celery_broker_url_user          = "Celery"
    description                     = ""
    dns_subdomain                   = "-redis"
    engine                          = "memcached"
    engine_version                  = "7.1.0"
    environment                     = "production"
    final_snapshot_identifier       = "1-final"
    ingress_sources                 = { "internet" = "0.0.0.0/0" }
    ip_discovery                    = "v6"
    kms_key_arn                     = "alias/redis"
    log_destination_type            = "firehose"
    log_firehose_delivery_stream    = "platform redis logs"
    log_kms_key_arn                 = "arn:aws:kms:eu-west-1:123456789012:alias/logs"
    log_retention_days              = 10
    maintenance_window              = "sunday:05:00-06:00"
    maxmemory_policy                = "lru"
    maxmemory_samples               = 0
    name                            = "9-django-cache"
    network_type                    = "dualstack"
    node_type                       = "cache.t4g.smal"
    notification_topic_arn          = "alerts"
    notify_keyspace_events          = "expired"
    num_cache_clusters              = 7
    parameter_group_description     = "Redis | tuning"
    parameter_group_name            = "redis_7"
    parameters                      = { "lazyfree_lazy_eviction" = "yes" }
    port                            = 80
    preferred_cache_cluster_azs     = ["eu-west-1"]
    rbac_password_versions          = { "django" = "Version 2" }
    rbac_previous_password_versions = { "django" = "" }
    rbac_users                      = { "django" = "on nopass ~* +@all" }
    redis_url_user                  = "Django"
    secret_kms_key_arn              = "alias/secrets"
    security_group_create_timeout   = "10 minutes"
    security_group_delete_timeout   = "15 minutes"
    security_group_description      = "Redis | cache"
    security_group_ids              = ["redis"]
    security_group_name             = "redis|cache"
    snapshot_arns                   = ["s3://backups/redis.rdb"]
    snapshot_name                   = "2026/nightly"
    snapshot_retention_limit        = 36
    snapshot_window                 = "3:00-4:00"
    subnet_group_description        = "Private | subnets"
    subnet_group_name               = "Private Subnets"
    subnet_ids                      = []
    tcp_keepalive                   = -1
    timeout                         = -1
    timeouts                        = { "create" = "90 minutes" }
    transit_encryption_mode         = "optional"
    unchecked_parameter_names       = ["Activedefrag"]
    user_group_ids                  = ["app_users"]
    vpc_id                          = "default"
    zone_id                         = "example.com"
  }

  expect_failures = [var.name, var.node_type, var.subnet_ids, var.engine_version, var.num_cache_clusters, var.engine, var.kms_key_arn, var.log_kms_key_arn, var.auth_token, var.auth_token_update_strategy, var.transit_encryption_mode, var.environment, var.final_snapshot_identifier, var.description, var.snapshot_name, var.snapshot_arns, var.snapshot_retention_limit, var.snapshot_window, var.maintenance_window, var.maxmemory_policy, var.timeout, var.tcp_keepalive, var.maxmemory_samples, var.notify_keyspace_events, var.parameters, var.unchecked_parameter_names, var.notification_topic_arn, var.log_retention_days, var.log_destination_type, var.log_firehose_delivery_stream, var.vpc_id, var.security_group_ids, var.allowed_security_group_ids, var.allowed_cidr_blocks, var.port, var.alarm_topic_arns, var.alarm_engine_cpu_threshold, var.alarm_cpu_threshold, var.alarm_memory_threshold, var.alarm_evictions_threshold, var.alarm_connections_threshold, var.parameter_group_name, var.parameter_group_description, var.subnet_group_name, var.subnet_group_description, var.preferred_cache_cluster_azs, var.network_type, var.ip_discovery, var.user_group_ids, var.dns_subdomain, var.zone_id, var.timeouts, var.security_group_name, var.security_group_description, var.security_group_create_timeout, var.security_group_delete_timeout, var.ingress_sources, var.rbac_users, var.rbac_password_versions, var.rbac_previous_password_versions, var.secret_kms_key_arn, var.redis_url_user, var.celery_broker_url_user]
}

run "variables_rule_2" {
  command = plan

  variables {
    allowed_cidr_blocks       = ["0.0.0.0/0"]
    final_snapshot_identifier = "orders--final"
    maintenance_window        = "sun:05:00-sun:05:30"
    name                      = "django--cache"
    snapshot_window           = "03:00-03:30"
    subnet_ids                = ["sg-0123abcd"]
  }

  expect_failures = [var.name, var.subnet_ids, var.final_snapshot_identifier, var.snapshot_window, var.maintenance_window, var.allowed_cidr_blocks]
}

run "variables_rule_3" {
  command = plan

  variables {
    name = "django-cache-"
  }

  expect_failures = [var.name]
}

run "precondition_1" {
  command = plan

  variables {
    engine         = "valkey"
    engine_version = "7.1"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_2" {
  command = plan

  variables {
    at_rest_encryption_enabled = false
    kms_key_arn                = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_3" {
  command = plan

  variables {
    automatic_failover_enabled = true
    multi_az_enabled           = false
    num_cache_clusters         = 1
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_4" {
  command = plan

  variables {
    automatic_failover_enabled = false
    multi_az_enabled           = true
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_5" {
  command = plan

  variables {
    subnet_ids = ["subnet-0a1b2c3d"]
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_6" {
  command = plan

  variables {
    node_type = "cache.t2.micro"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_7" {
  command = plan

  variables {
    auth_token_enabled         = true
    transit_encryption_enabled = false
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_8" {
  command = plan

  variables {
    transit_encryption_enabled = false
    transit_encryption_mode    = "preferred"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_9" {
  command = plan

  variables {
    auth_token = "Not-a-secret-fixture-2"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_10" {
  command = plan

  variables {
    create_security_group = false
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_11" {
  command = plan

  variables {
    allowed_cidr_blocks   = ["10.0.0.0/16"]
    create_security_group = false
    security_group_ids    = ["sg-0a1b2c3d"]
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_12" {
  command = plan

  variables {
    snapshot_arns = ["arn:aws:s3:::redis-backups/dump.rdb"]
    snapshot_name = "django-cache-final-0a1b2c3d"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_13" {
  command = plan

  variables {
    create_parameter_group = false
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_14" {
  command = plan

  variables {
    parameter_group_name = "default.redis7"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_15" {
  command = plan

  variables {
    create_subnet_group = false
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_16" {
  command = plan

  variables {
    subnet_group_name = "platform-private"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_17" {
  command = plan

  variables {
    create_subnet_group = false
    subnet_group_name   = "platform-private"
    vpc_id              = null
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_18" {
  command = plan

  variables {
    preferred_cache_cluster_azs = ["eu-west-1a"]
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_19" {
  command = plan

  variables {
    ip_discovery = "ipv6"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_20" {
  command = plan

  variables {
    data_tiering_enabled = true
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_21" {
  command = plan

  variables {
    auth_token_enabled = true
    user_group_ids     = ["orders-users"]
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_22" {
  command = plan

  variables {
    transit_encryption_enabled = false
    user_group_ids             = ["orders-users"]
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_23" {
  command = plan

  variables {
    redis_url_user = "django"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_24" {
  command = plan

  variables {
    parameters = { "maxmemory-policy" = "allkeys-lru" }
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_25" {
  command = plan

  variables {
    parameters = { "active-defrag" = "yes" }
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_26" {
  command = plan

  variables {
    create_parameter_group = false
    engine                 = "valkey"
    engine_version         = "8.0"
    parameter_group_name   = "default.redis7"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_27" {
  command = plan

  variables {
    log_destination_type = "kinesis-firehose"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_28" {
  command = plan

  variables {
    rbac_password_versions = { "django" = "2" }
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_29" {
  command = plan

  variables {
    rbac_previous_password_versions = { "django" = "1" }
    rbac_users                      = { "django" = "on ~:1:* +@all" }
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_30" {
  command = plan

  variables {
    auth_token_enabled = false
    name               = "a-very-long-cluster-name-of-thirty-five"
    rbac_users         = { "django" = "on ~:1:* +@all" }
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_31" {
  command = plan

  variables {
    dns_subdomain = "orders-cache"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_32" {
  command = plan

  variables {
    maintenance_window = "sun:05:00-sun:06:00"
    snapshot_window    = "05:30-06:30"
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_33" {
  command = plan

  variables {
    environment      = "prod"
    multi_az_enabled = false
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_34" {
  command = plan

  variables {
    environment              = "prod"
    snapshot_retention_limit = 3
  }

  expect_failures = [aws_elasticache_replication_group.this]
}

run "precondition_35" {
  command = plan

  variables {
    environment         = "prod"
    skip_final_snapshot = true
  }

  expect_failures = [aws_elasticache_replication_group.this]
}
