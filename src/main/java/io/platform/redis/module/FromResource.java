package io.platform.redis.module;

/**
 * The kinds of resource attribute a caller typically feeds into an input, created in the same apply and so unknown
 * at plan. An input of one of these kinds never decides a {@code count}, a {@code for_each} key or a {@code == null}
 * test in a count: the module plans whatever its value turns out to be. The example expression names a resource
 * of a typical platform configuration (the one the tests plan) and is what the module README shows.
 */
public enum FromResource {
    VPC_ID("aws_vpc.main.id"),
    SUBNET_IDS("[aws_subnet.a.id, aws_subnet.b.id]"),
    SECURITY_GROUP_ID("aws_security_group.redis.id"),
    SECURITY_GROUP_IDS("[aws_security_group.app.id]"),
    CIDR_BLOCKS("[\"${aws_eip.nat.public_ip}/32\"]"),
    SNS_TOPIC_ARN("aws_sns_topic.alerts.arn"),
    SNS_TOPIC_ARNS("[aws_sns_topic.alerts.arn]"),
    KMS_KEY_ARN("aws_kms_key.redis.arn"),
    SECRET("random_password.redis.result"),
    ROUTE53_ZONE_ID("aws_route53_zone.internal.zone_id"),
    NAMED_SOURCES("{ workers = aws_security_group.app.id }"),
    PARAMETER_GROUP("aws_elasticache_parameter_group.shared.id"),
    SUBNET_GROUP("aws_elasticache_subnet_group.shared.id"),
    USER_GROUP_IDS("[aws_elasticache_user_group.apps.id]"),
    FIREHOSE_STREAM_NAME("aws_kinesis_firehose_delivery_stream.logs.name");

    private final String example;

    FromResource(String example) {
        this.example = example;
    }

    /** An HCL expression of this kind over a platform configuration's resources. */
    public String example() {
        return example;
    }
}
