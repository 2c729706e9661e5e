# The example plans as written: AWS is mocked; without vpc_id the security group takes the subnet group's VPC.

mock_provider "aws" {}

variables {
  private_subnet_ids = ["subnet-0a1b2c3d4e5f6a7b8", "subnet-0b1c2d3e4f5a6b7c8"]
}

run "plans_without_a_vpc_id" {
  # plan, not apply: the cluster is prod, so prevent_destroy would refuse the test's clean-up.
  command = plan

  assert {
    condition     = length(module.redis.alarm_names) == 10
    error_message = "The example must plan its two-node cluster with the alarms of both nodes."
  }
}
