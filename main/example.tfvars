# Example values; the test suite plans main/ offline with them.
vpc_id                 = "vpc-0a1b2c3d4e5f6a7b8"
private_subnet_ids     = ["subnet-0a1b2c3d4e5f6a7b8", "subnet-0b1c2d3e4f5a6b7c8"]
app_security_group_ids = ["sg-0a1b2c3d4e5f6a7b8"]
