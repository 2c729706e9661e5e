# The example plans as written: AWS is mocked, the data source answers with fixed subnets.

mock_provider "aws" {
  override_data {
    target = data.aws_subnets.private
    values = { ids = ["subnet-0a1b2c3d4e5f6a7b8", "subnet-0b1c2d3e4f5a6b7c8"] }
  }
  mock_resource "aws_sns_topic" {
    defaults = { arn = "arn:aws:sns:eu-west-1:123456789012:lightwave-platform-alerts" }
  }
}

run "plans_without_a_vpc_id" {
  # plan, not apply: the cluster is prod, so prevent_destroy would refuse the test's clean-up.
  command = plan

  assert {
    condition     = length(module.redis_prod.alarm_names) == 10 && contains(module.redis_prod.alarm_names, "lightwave-django-prod-002-memory")
    error_message = "The example must plan its two-node cluster with the alarms of both nodes."
  }
}
