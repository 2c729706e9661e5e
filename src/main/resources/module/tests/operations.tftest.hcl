# Operating the cluster: alarms per member node, Valkey, customer-managed KMS keys.

mock_provider "aws" {}
mock_provider "random" {}

variables {
  name                   = "django-cache"
  node_type              = "cache.t4g.micro"
  subnet_ids             = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  vpc_id                 = "vpc-0a1b2c3d"
  environment            = "dev"
  notification_topic_arn = "arn:aws:sns:eu-west-1:123456789012:platform-alerts"
}

run "one_alarm_per_member_node_and_metric_with_the_node_id_as_dimension" {
  command = plan
  assert {
    condition     = length(aws_cloudwatch_metric_alarm.this) == 10
    error_message = "2 nodes x 5 metrics (CPUUtilization included on a 2-vCPU node) must give 10 alarms."
  }
  assert {
    condition     = toset([for alarm in aws_cloudwatch_metric_alarm.this : alarm.dimensions.CacheClusterId]) == toset(["django-cache-001", "django-cache-002"])
    error_message = "Every alarm must watch one member node (CacheClusterId <name>-00N), never the replication group id."
  }
  assert {
    condition     = toset([for alarm in aws_cloudwatch_metric_alarm.this : alarm.metric_name]) == toset(["EngineCPUUtilization", "DatabaseMemoryUsagePercentage", "Evictions", "CurrConnections", "CPUUtilization"])
    error_message = "The alarms must cover engine CPU, memory, evictions, connections and host CPU."
  }
  assert {
    condition     = alltrue([for alarm in aws_cloudwatch_metric_alarm.this : alarm.alarm_actions == toset(["arn:aws:sns:eu-west-1:123456789012:platform-alerts"]) && alarm.ok_actions == alarm.alarm_actions])
    error_message = "Without alarm_topic_arns, alarms and recoveries must go to notification_topic_arn."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.this["django-cache-002-memory"].threshold == 80 && aws_cloudwatch_metric_alarm.this["django-cache-001-cpu"].threshold == 45
    error_message = "Default thresholds: memory 80 %, host CPU 45 %."
  }
  assert {
    condition     = alltrue([for alarm in aws_cloudwatch_metric_alarm.this : alarm.treat_missing_data == "missing" && alarm.namespace == "AWS/ElastiCache"])
    error_message = "Alarms must read AWS/ElastiCache and keep their state through gaps in the data."
  }
  assert {
    condition     = contains(output.alarm_names, "django-cache-001-engine-cpu") && length(output.alarm_names) == 10
    error_message = "alarm_names must list every alarm."
  }
}

run "larger_nodes_get_no_host_cpu_alarm_and_thresholds_follow_the_variables" {
  command = plan
  variables {
    node_type                  = "cache.r6g.xlarge"
    num_cache_clusters         = 3
    alarm_engine_cpu_threshold = 60
    alarm_topic_arns           = ["arn:aws:sns:eu-west-1:123456789012:pager"]
  }
  assert {
    condition     = length(aws_cloudwatch_metric_alarm.this) == 12 && !contains([for alarm in aws_cloudwatch_metric_alarm.this : alarm.metric_name], "CPUUtilization")
    error_message = "3 nodes x 4 metrics, no host CPU alarm on a 4-vCPU node."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.this["django-cache-003-engine-cpu"].threshold == 60
    error_message = "alarm_engine_cpu_threshold must set the engine CPU alarms."
  }
  assert {
    condition     = aws_cloudwatch_metric_alarm.this["django-cache-003-evictions"].alarm_actions == toset(["arn:aws:sns:eu-west-1:123456789012:pager"])
    error_message = "alarm_topic_arns must replace notification_topic_arn as the alarms' target."
  }
}

run "alarms_enabled_false_removes_every_alarm" {
  command = plan
  variables {
    alarms_enabled = false
  }
  assert {
    condition     = length(aws_cloudwatch_metric_alarm.this) == 0 && length(output.alarm_names) == 0
    error_message = "alarms_enabled = false must create no alarm."
  }
}

run "valkey_8_uses_the_valkey8_family" {
  command = plan
  variables {
    engine         = "valkey"
    engine_version = "8.0"
  }
  assert {
    condition     = aws_elasticache_parameter_group.this[0].family == "valkey8" && aws_elasticache_parameter_group.this[0].name == "django-cache-valkey8"
    error_message = "Valkey 8.0 means family valkey8, and the family is part of the name."
  }
  assert {
    condition     = aws_elasticache_replication_group.this.engine == "valkey" && aws_elasticache_replication_group.this.engine_version == "8.0"
    error_message = "The replication group must run the chosen engine and version."
  }
}

run "valkey_7_2_uses_the_valkey7_family" {
  command = plan
  variables {
    engine         = "valkey"
    engine_version = "7.2"
  }
  assert {
    condition     = aws_elasticache_parameter_group.this[0].family == "valkey7"
    error_message = "Valkey 7.2 means family valkey7."
  }
}

run "customer_managed_keys_encrypt_the_nodes_and_the_logs" {
  command = plan
  variables {
    kms_key_arn     = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
    log_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/9f8e7d6c-5b4a-3f2e-1d0c-9b8a7f6e5d4c"
  }
  assert {
    condition     = aws_elasticache_replication_group.this.kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d" && aws_elasticache_replication_group.this.at_rest_encryption_enabled == "true"
    error_message = "kms_key_arn must encrypt the replication group at rest."
  }
  assert {
    condition     = aws_cloudwatch_log_group.slow_log[0].kms_key_id == "arn:aws:kms:eu-west-1:123456789012:key/9f8e7d6c-5b4a-3f2e-1d0c-9b8a7f6e5d4c" && aws_cloudwatch_log_group.engine_log[0].kms_key_id == aws_cloudwatch_log_group.slow_log[0].kms_key_id
    error_message = "log_kms_key_arn must encrypt both log groups."
  }
}

run "logs_to_a_firehose_stream_create_no_log_groups" {
  command = plan
  variables {
    log_destination_type         = "kinesis-firehose"
    log_firehose_delivery_stream = "platform-redis-logs"
  }
  assert {
    condition     = length(aws_cloudwatch_log_group.slow_log) == 0 && length(aws_cloudwatch_log_group.engine_log) == 0
    error_message = "Logs that go to Firehose need no log group."
  }
  assert {
    condition = alltrue([for delivery in aws_elasticache_replication_group.this.log_delivery_configuration :
    delivery.destination_type == "kinesis-firehose" && delivery.destination == "platform-redis-logs"])
    error_message = "Both logs must go to the delivery stream."
  }
}

run "final_snapshot_named_by_the_caller_with_or_without_the_unique_suffix" {
  command = plan
  variables {
    final_snapshot_identifier    = "orders-cache-last"
    final_snapshot_unique_suffix = false
  }
  assert {
    condition     = aws_elasticache_replication_group.this.final_snapshot_identifier == "orders-cache-last"
    error_message = "Without the suffix the final snapshot has exactly the given name."
  }
}
