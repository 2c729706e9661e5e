variable "region" {
  type        = string
  description = "AWS region."
  default     = "eu-west-1"
}

variable "vpc_id" {
  type        = string
  description = "VPC holding the private subnets."
}

variable "private_subnet_ids" {
  type        = list(string)
  description = "Private subnets, in at least two availability zones."
}

variable "app_security_group_ids" {
  type        = list(string)
  description = "Security groups of the Django and Celery tasks allowed to reach Redis."
}
