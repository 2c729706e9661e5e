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

run "name_rule_1" {
  command = plan

  variables {
    name = "9-django-cache"
  }

  expect_failures = [var.name]
}

run "name_rule_2" {
  command = plan

  variables {
    name = "django--cache"
  }

  expect_failures = [var.name]
}

run "name_rule_3" {
  command = plan

  variables {
    name = "django-cache-"
  }

  expect_failures = [var.name]
}

run "node_type_rule_1" {
  command = plan

  variables {
    node_type = "cache.t4g.smal"
  }

  expect_failures = [var.node_type]
}

run "subnet_ids_rule_1" {
  command = plan

  variables {
    subnet_ids = []
  }

  expect_failures = [var.subnet_ids]
}

run "subnet_ids_rule_2" {
  command = plan

  variables {
    subnet_ids = ["sg-0123abcd"]
  }

  expect_failures = [var.subnet_ids]
}

run "engine_version_rule_1" {
  command = plan

  variables {
    engine_version = "7.1.0"
  }

  expect_failures = [var.engine_version]
}

run "num_cache_clusters_rule_1" {
  command = plan

  variables {
    num_cache_clusters = 7
  }

  expect_failures = [var.num_cache_clusters]
}

run "engine_rule_1" {
  command = plan

  variables {
    engine = "memcached"
  }

  expect_failures = [var.engine]
}

run "kms_key_arn_rule_1" {
  command = plan

  variables {
    kms_key_arn = "alias/redis"
  }

  expect_failures = [var.kms_key_arn]
}

run "log_kms_key_arn_rule_1" {
  command = plan

  variables {
    log_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:alias/logs"
  }

  expect_failures = [var.log_kms_key_arn]
}

run "auth_token_rule_1" {
  command = plan

  variables {
    auth_token = "Not-a-secret@"
  }

  expect_failures = [var.auth_token]
}

run "auth_token_update_strategy_rule_1" {
  command = plan

  variables {
    auth_token_update_strategy = "rotate"
  }

  expect_failures = [var.auth_token_update_strategy]
}

run "transit_encryption_mode_rule_1" {
  command = plan

  variables {
    transit_encryption_mode = "optional"
  }

  expect_failures = [var.transit_encryption_mode]
}

run "environment_rule_1" {
  command = plan

  variables {
    environment = "production"
  }

  expect_failures = [var.environment]
}

run "final_snapshot_identifier_rule_1" {
  command = plan

  variables {
    final_snapshot_identifier = "1-final"
  }

  expect_failures = [var.final_snapshot_identifier]
}

run "final_snapshot_identifier_rule_2" {
  command = plan

  variables {
    final_snapshot_identifier = "orders--final"
  }

  expect_failures = [var.final_snapshot_identifier]
}

run "description_rule_1" {
  command = plan

  variables {
    description = ""
  }

  expect_failures = [var.description]
}

run "snapshot_name_rule_1" {
  command = plan

  variables {
    snapshot_name = "2026/nightly"
  }

  expect_failures = [var.snapshot_name]
}

run "snapshot_arns_rule_1" {
  command = plan

  variables {
    snapshot_arns = ["s3://backups/redis.rdb"]
  }

  expect_failures = [var.snapshot_arns]
}

run "snapshot_retention_limit_rule_1" {
  command = plan

  variables {
    snapshot_retention_limit = 36
  }

  expect_failures = [var.snapshot_retention_limit]
}

run "snapshot_window_rule_1" {
  command = plan

  variables {
    snapshot_window = "3:00-4:00"
  }

  expect_failures = [var.snapshot_window]
}

run "snapshot_window_rule_2" {
  command = plan

  variables {
    snapshot_window = "03:00-03:30"
  }

  expect_failures = [var.snapshot_window]
}

run "maintenance_window_rule_1" {
  command = plan

  variables {
    maintenance_window = "sunday:05:00-06:00"
  }

  expect_failures = [var.maintenance_window]
}

run "maintenance_window_rule_2" {
  command = plan

  variables {
    maintenance_window = "sun:05:00-sun:05:30"
  }

  expect_failures = [var.maintenance_window]
}

run "maxmemory_policy_rule_1" {
  command = plan

  variables {
    maxmemory_policy = "lru"
  }

  expect_failures = [var.maxmemory_policy]
}

run "timeout_rule_1" {
  command = plan

  variables {
    timeout = -1
  }

  expect_failures = [var.timeout]
}

run "tcp_keepalive_rule_1" {
  command = plan

  variables {
    tcp_keepalive = -1
  }

  expect_failures = [var.tcp_keepalive]
}

run "maxmemory_samples_rule_1" {
  command = plan

  variables {
    maxmemory_samples = 0
  }

  expect_failures = [var.maxmemory_samples]
}

run "notify_keyspace_events_rule_1" {
  command = plan

  variables {
    notify_keyspace_events = "expired"
  }

  expect_failures = [var.notify_keyspace_events]
}

run "parameters_rule_1" {
  command = plan

  variables {
    parameters = { "lazyfree_lazy_eviction" = "yes" }
  }

  expect_failures = [var.parameters]
}

run "unchecked_parameter_names_rule_1" {
  command = plan

  variables {
    unchecked_parameter_names = ["Activedefrag"]
  }

  expect_failures = [var.unchecked_parameter_names]
}

run "notification_topic_arn_rule_1" {
  command = plan

  variables {
    notification_topic_arn = "alerts"
  }

  expect_failures = [var.notification_topic_arn]
}

run "log_retention_days_rule_1" {
  command = plan

  variables {
    log_retention_days = 10
  }

  expect_failures = [var.log_retention_days]
}

run "log_destination_type_rule_1" {
  command = plan

  variables {
    log_destination_type = "firehose"
  }

  expect_failures = [var.log_destination_type]
}

run "log_firehose_delivery_stream_rule_1" {
  command = plan

  variables {
    log_firehose_delivery_stream = "platform redis logs"
  }

  expect_failures = [var.log_firehose_delivery_stream]
}

run "vpc_id_rule_1" {
  command = plan

  variables {
    vpc_id = "default"
  }

  expect_failures = [var.vpc_id]
}

run "security_group_ids_rule_1" {
  command = plan

  variables {
    security_group_ids = ["redis"]
  }

  expect_failures = [var.security_group_ids]
}

run "allowed_security_group_ids_rule_1" {
  command = plan

  variables {
    allowed_security_group_ids = ["web"]
  }

  expect_failures = [var.allowed_security_group_ids]
}

run "allowed_cidr_blocks_rule_1" {
  command = plan

  variables {
    allowed_cidr_blocks = ["10.0.0.0"]
  }

  expect_failures = [var.allowed_cidr_blocks]
}

run "allowed_cidr_blocks_rule_2" {
  command = plan

  variables {
    allowed_cidr_blocks = ["0.0.0.0/0"]
  }

  expect_failures = [var.allowed_cidr_blocks]
}

run "port_rule_1" {
  command = plan

  variables {
    port = 80
  }

  expect_failures = [var.port]
}

run "alarm_topic_arns_rule_1" {
  command = plan

  variables {
    alarm_topic_arns = ["alerts"]
  }

  expect_failures = [var.alarm_topic_arns]
}

run "alarm_engine_cpu_threshold_rule_1" {
  command = plan

  variables {
    alarm_engine_cpu_threshold = 0
  }

  expect_failures = [var.alarm_engine_cpu_threshold]
}

run "alarm_cpu_threshold_rule_1" {
  command = plan

  variables {
    alarm_cpu_threshold = 101
  }

  expect_failures = [var.alarm_cpu_threshold]
}

run "alarm_memory_threshold_rule_1" {
  command = plan

  variables {
    alarm_memory_threshold = 0
  }

  expect_failures = [var.alarm_memory_threshold]
}

run "alarm_evictions_threshold_rule_1" {
  command = plan

  variables {
    alarm_evictions_threshold = -1
  }

  expect_failures = [var.alarm_evictions_threshold]
}

run "alarm_connections_threshold_rule_1" {
  command = plan

  variables {
    alarm_connections_threshold = 0
  }

  expect_failures = [var.alarm_connections_threshold]
}

run "parameter_group_name_rule_1" {
  command = plan

  variables {
    parameter_group_name = "redis_7"
  }

  expect_failures = [var.parameter_group_name]
}

run "parameter_group_description_rule_1" {
  command = plan

  variables {
    parameter_group_description = "Redis | tuning"
  }

  expect_failures = [var.parameter_group_description]
}

run "subnet_group_name_rule_1" {
  command = plan

  variables {
    subnet_group_name = "Private Subnets"
  }

  expect_failures = [var.subnet_group_name]
}

run "subnet_group_description_rule_1" {
  command = plan

  variables {
    subnet_group_description = "Private | subnets"
  }

  expect_failures = [var.subnet_group_description]
}

run "preferred_cache_cluster_azs_rule_1" {
  command = plan

  variables {
    preferred_cache_cluster_azs = ["eu-west-1"]
  }

  expect_failures = [var.preferred_cache_cluster_azs]
}

run "network_type_rule_1" {
  command = plan

  variables {
    network_type = "dualstack"
  }

  expect_failures = [var.network_type]
}

run "ip_discovery_rule_1" {
  command = plan

  variables {
    ip_discovery = "v6"
  }

  expect_failures = [var.ip_discovery]
}

run "user_group_ids_rule_1" {
  command = plan

  variables {
    user_group_ids = ["app_users"]
  }

  expect_failures = [var.user_group_ids]
}

run "dns_subdomain_rule_1" {
  command = plan

  variables {
    dns_subdomain = "-redis"
  }

  expect_failures = [var.dns_subdomain]
}

run "zone_id_rule_1" {
  command = plan

  variables {
    zone_id = "example.com"
  }

  expect_failures = [var.zone_id]
}

run "timeouts_rule_1" {
  command = plan

  variables {
    timeouts = { "create" = "90 minutes" }
  }

  expect_failures = [var.timeouts]
}

run "security_group_name_rule_1" {
  command = plan

  variables {
    security_group_name = "redis|cache"
  }

  expect_failures = [var.security_group_name]
}

run "security_group_description_rule_1" {
  command = plan

  variables {
    security_group_description = "Redis | cache"
  }

  expect_failures = [var.security_group_description]
}

run "security_group_create_timeout_rule_1" {
  command = plan

  variables {
    security_group_create_timeout = "10 minutes"
  }

  expect_failures = [var.security_group_create_timeout]
}

run "security_group_delete_timeout_rule_1" {
  command = plan

  variables {
    security_group_delete_timeout = "15 minutes"
  }

  expect_failures = [var.security_group_delete_timeout]
}

run "ingress_sources_rule_1" {
  command = plan

  variables {
    ingress_sources = { "internet" = "0.0.0.0/0" }
  }

  expect_failures = [var.ingress_sources]
}

run "rbac_users_rule_1" {
  command = plan

  variables {
    rbac_users = { "django" = "on nopass ~* +@all" }
  }

  expect_failures = [var.rbac_users]
}

run "rbac_password_versions_rule_1" {
  command = plan

  variables {
    rbac_password_versions = { "django" = "Version 2" }
  }

  expect_failures = [var.rbac_password_versions]
}

run "rbac_previous_password_versions_rule_1" {
  command = plan

  variables {
    rbac_previous_password_versions = { "django" = "" }
  }

  expect_failures = [var.rbac_previous_password_versions]
}

run "secret_kms_key_arn_rule_1" {
  command = plan

  variables {
    secret_kms_key_arn = "alias/secrets"
  }

  expect_failures = [var.secret_kms_key_arn]
}

run "redis_url_user_rule_1" {
  command = plan

  variables {
    redis_url_user = "Django"
  }

  expect_failures = [var.redis_url_user]
}

run "celery_broker_url_user_rule_1" {
  command = plan

  variables {
    celery_broker_url_user = "Celery"
  }

  expect_failures = [var.celery_broker_url_user]
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
