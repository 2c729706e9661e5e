output "redis_url" {
  description = "Django cache URL (DB 0)."
  value       = module.redis_prod.redis_url
  sensitive   = true
}

output "celery_broker_url" {
  description = "Celery broker URL (DB 1)."
  value       = module.redis_prod.celery_broker_url
  sensitive   = true
}

output "primary_endpoint_address" {
  value = module.redis_prod.primary_endpoint_address
}

output "reader_endpoint_address" {
  value = module.redis_prod.reader_endpoint_address
}

output "redis_security_group_id" {
  value = module.redis_prod.redis_security_group_id
}
