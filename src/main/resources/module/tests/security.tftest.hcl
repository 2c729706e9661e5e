# Safe defaults: closed network, encryption, logs, production behaviour, parameter tuning.

mock_provider "aws" {}
mock_provider "random" {}

variables {
  name        = "django-cache"
  node_type   = "cache.t4g.micro"
  subnet_ids  = ["subnet-0a1b2c3d", "subnet-4e5f6a7b"]
  vpc_id      = "vpc-0a1b2c3d"
  environment = "dev"
}

run "without_vpc_id_the_security_group_goes_into_the_subnets_vpc" {
  # apply (mocked): the subnet group reports its VPC only once it exists, which is why nothing is read at plan.
  # The runs of this file share one state: the subnets are in the VPC the later runs name (another would be a move).
  command = apply

  variables {
    vpc_id = null
  }

  override_resource {
    target = aws_elasticache_subnet_group.this[0]
    values = { vpc_id = "vpc-0a1b2c3d" }
  }

  assert {
    condition     = aws_security_group.this[0].vpc_id == "vpc-0a1b2c3d"
    error_message = "Without vpc_id, the security group must be created in the VPC of the subnets."
  }
}

run "a_given_vpc_id_is_used" {
  command = plan

  assert {
    condition     = aws_security_group.this[0].vpc_id == "vpc-0a1b2c3d"
    error_message = "With vpc_id, the module must use it."
  }
}

run "no_ingress_unless_allowed" {
  command = plan
  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.from_security_groups) == 0 && length(aws_vpc_security_group_ingress_rule.from_cidr_blocks) == 0
    error_message = "Without allowed sources the security group must have no ingress rule."
  }
}

run "ingress_only_from_allowed_sources_on_the_redis_port" {
  command = plan
  variables {
    allowed_security_group_ids = ["sg-0a1b2c3d"]
    allowed_cidr_blocks        = ["10.0.0.0/16"]
  }
  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.from_security_groups) == 1 && length(aws_vpc_security_group_ingress_rule.from_cidr_blocks) == 1
    error_message = "One ingress rule per allowed source."
  }
  assert {
    condition     = alltrue([for rule in aws_vpc_security_group_ingress_rule.from_cidr_blocks : rule.cidr_ipv4 == "10.0.0.0/16" && rule.from_port == 6379 && rule.to_port == 6379 && rule.ip_protocol == "tcp"])
    error_message = "CIDR ingress must be exactly the allowed block, on the Redis port only."
  }
  assert {
    condition     = alltrue([for rule in aws_vpc_security_group_ingress_rule.from_security_groups : rule.referenced_security_group_id == "sg-0a1b2c3d" && rule.from_port == 6379])
    error_message = "Security group ingress must reference the allowed group, on the Redis port only."
  }
}

run "encrypted_logged_and_highly_available_by_default" {
  command = plan
  assert {
    condition     = tostring(aws_elasticache_replication_group.this.at_rest_encryption_enabled) == "true" && aws_elasticache_replication_group.this.transit_encryption_enabled == true
    error_message = "Encryption at rest and in transit must be on by default."
  }
  assert {
    condition     = aws_elasticache_replication_group.this.automatic_failover_enabled && aws_elasticache_replication_group.this.multi_az_enabled && aws_elasticache_replication_group.this.num_cache_clusters == 2
    error_message = "Failover and Multi-AZ over 2 nodes must be the default."
  }
  assert {
    condition     = length(aws_elasticache_replication_group.this.log_delivery_configuration) == 2
    error_message = "Both slow-log and engine-log must be delivered."
  }
  assert {
    condition     = aws_cloudwatch_log_group.slow_log[0].name == "/aws/elasticache/django-cache/slow-log" && aws_cloudwatch_log_group.engine_log[0].name == "/aws/elasticache/django-cache/engine-log"
    error_message = "One log group per log type."
  }
  assert {
    condition     = aws_elasticache_replication_group.this.apply_immediately == true
    error_message = "Outside prod, changes apply immediately."
  }
}

run "prod_is_protected" {
  command = plan
  variables {
    environment = "prod"
  }
  assert {
    condition     = length(terraform_data.protect_cluster_from_destroy) == 1
    error_message = "In prod the replication group must be guarded by the prevent_destroy guard."
  }
  assert {
    condition     = aws_elasticache_replication_group.this.apply_immediately == false
    error_message = "In prod, changes must wait for the maintenance window."
  }
  assert {
    condition     = !var.skip_final_snapshot
    error_message = "In prod, deleting the cluster must leave a final snapshot."
  }
  assert {
    condition     = aws_elasticache_replication_group.this.multi_az_enabled && aws_elasticache_replication_group.this.snapshot_retention_limit >= 7
    error_message = "In prod, Multi-AZ and a week of snapshots."
  }
}

run "the_final_snapshot_has_a_name_of_its_own_per_cluster" {
  # apply (mocked, dev): the suffix is a random id made when the cluster is created.
  command = apply
  assert {
    condition     = can(regex("^django-cache-final-[0-9a-f]{8}$", aws_elasticache_replication_group.this.final_snapshot_identifier))
    error_message = "The final snapshot must be <name>-final-<8 hex digits>, so a recreated cluster's does not collide."
  }
}

run "dev_can_be_destroyed_and_skip_the_final_snapshot_explicitly" {
  command = plan
  variables {
    skip_final_snapshot = true
  }
  assert {
    condition     = length(terraform_data.protect_cluster_from_destroy) == 0 && aws_elasticache_replication_group.this.final_snapshot_identifier == null
    error_message = "Outside prod the group is destroyable, and skip_final_snapshot drops the final snapshot."
  }
}

run "token_changes_rotate_instead_of_replacing" {
  command = plan
  variables {
    auth_token_enabled = true
    auth_token         = "Not-a-secret-fixture-rotate"
  }
  assert {
    condition     = aws_elasticache_replication_group.this.auth_token_update_strategy == "ROTATE"
    error_message = "A changed token must be rotated in place."
  }
}

run "parameter_group_tuned_for_django_and_named_after_its_family" {
  command = plan
  assert {
    condition     = aws_elasticache_parameter_group.this[0].family == "redis7" && aws_elasticache_parameter_group.this[0].name == "django-cache-redis7"
    error_message = "Engine 7.1 means family redis7, and the family is part of the name."
  }
  assert {
    condition = { for p in aws_elasticache_parameter_group.this[0].parameter : p.name => p.value } == {
      "maxmemory-policy"  = "volatile-lru"
      "timeout"           = "300"
      "tcp-keepalive"     = "300"
      "maxmemory-samples" = "5"
    }
    error_message = "The parameter group must carry the Django tuning."
  }
}

run "expiry_events_for_presence_cleanup" {
  command = plan
  variables {
    maxmemory_policy       = "volatile-lru"
    notify_keyspace_events = "Ex"
    timeout                = 0
  }
  assert {
    condition = { for p in aws_elasticache_parameter_group.this[0].parameter : p.name => p.value } == {
      "maxmemory-policy"       = "volatile-lru"
      "timeout"                = "0"
      "tcp-keepalive"          = "300"
      "maxmemory-samples"      = "5"
      "notify-keyspace-events" = "Ex"
    }
    error_message = "notify_keyspace_events must add the notify-keyspace-events parameter."
  }
}

run "given_security_group_instead_of_a_created_one" {
  command = plan
  variables {
    create_security_group = false
    security_group_ids    = ["sg-0f0e0d0c"]
  }
  assert {
    condition     = length(aws_security_group.this) == 0 && length(aws_vpc_security_group_ingress_rule.from_security_groups) == 0
    error_message = "With create_security_group = false no group and no rule is created."
  }
  assert {
    condition     = aws_elasticache_replication_group.this.security_group_ids == toset(["sg-0f0e0d0c"])
    error_message = "The given security group must be attached."
  }
  assert {
    condition     = output.redis_security_group_id == "sg-0f0e0d0c"
    error_message = "redis_security_group_id must name the given group."
  }
}

run "redis6_family" {
  command = plan
  variables {
    engine_version = "6.2"
  }
  assert {
    condition     = aws_elasticache_parameter_group.this[0].family == "redis6.x" && aws_elasticache_parameter_group.this[0].name == "django-cache-redis6-x"
    error_message = "Engine 6.2 means family redis6.x."
  }
}

run "extra_parameters_reach_the_parameter_group_beside_the_tuned_ones" {
  command = plan
  variables {
    parameters = { activedefrag = "yes", "lazyfree-lazy-eviction" = "yes" }
  }
  assert {
    condition = { for p in aws_elasticache_parameter_group.this[0].parameter : p.name => p.value } == {
      "maxmemory-policy"       = "volatile-lru"
      "timeout"                = "300"
      "tcp-keepalive"          = "300"
      "maxmemory-samples"      = "5"
      "activedefrag"           = "yes"
      "lazyfree-lazy-eviction" = "yes"
    }
    error_message = "parameters must be merged over the tuned parameters."
  }
}

run "the_secrets_read_policy_names_exactly_the_user_secrets_and_the_key" {
  # apply (mocked): the secrets' ARNs exist only once they are created. The last run: it adds RBAC to the shared state.
  command = apply
  variables {
    rbac_users         = { django = "on ~:1:* +@all", celery = "on ~celery* ~_kombu* ~unacked* &* +@all" }
    secret_kms_key_arn = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
  }
  assert {
    condition     = toset(jsondecode(output.secrets_read_policy_json).Statement[0].Resource) == toset(values(output.user_secret_arns))
    error_message = "The policy must read exactly the users' secrets."
  }
  assert {
    condition = jsondecode(output.secrets_read_policy_json).Statement[1] == {
      Sid       = "DecryptRedisUserSecrets"
      Effect    = "Allow"
      Action    = "kms:Decrypt"
      Resource  = "arn:aws:kms:eu-west-1:123456789012:key/0a1b2c3d-4e5f-6a7b-8c9d-0e1f2a3b4c5d"
      Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.eu-west-1.amazonaws.com" } }
    }
    error_message = "The policy must decrypt with the secrets' key only, and only through Secrets Manager."
  }
  assert {
    condition     = !strcontains(output.secrets_read_policy_json, "*") && length(jsondecode(output.secrets_read_policy_json).Statement) == 2
    error_message = "The policy must name no wildcard and hold nothing else."
  }
  assert {
    condition     = alltrue([for secret in aws_secretsmanager_secret.rbac_user : secret.kms_key_id == var.secret_kms_key_arn])
    error_message = "The user secrets must be encrypted with secret_kms_key_arn."
  }
}
