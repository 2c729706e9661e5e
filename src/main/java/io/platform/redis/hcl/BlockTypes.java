package io.platform.redis.hcl;

import java.util.Map;
import java.util.Set;

/**
 * Which keys of a Terraform JSON body are nested blocks rather than attributes: the one piece of schema knowledge
 * the renderer needs, stated here and nowhere else. Terraform JSON writes both as objects (or lists of objects),
 * HCL does not: {@code lifecycle { ... }} is a block, {@code tags = { ... }} an attribute. A list of objects under a
 * key this table does not know is refused rather than guessed.
 */
final class BlockTypes {
    private BlockTypes() {
    }

    /** Nested blocks of every resource and data source. */
    static final Set<String> META_BLOCKS = Set.of("lifecycle");

    /** Blocks that Terraform itself defines inside other blocks, by the enclosing block's type. */
    static final Map<String, Set<String>> LANGUAGE_BLOCKS = Map.of(
            "terraform", Set.of("required_providers", "cloud"),
            "variable", Set.of("validation"),
            "output", Set.of("precondition"),
            "lifecycle", Set.of("precondition", "postcondition"));

    /** Labeled blocks that Terraform itself defines: key -> the block holds one nested level of labels. */
    static final Set<String> LABELED_LANGUAGE_BLOCKS = Set.of("backend");

    /** Provider schema blocks of the resource and data source types this project uses. */
    static final Map<String, Set<String>> SCHEMA_BLOCKS = Map.of(
            "aws_elasticache_replication_group", Set.of("log_delivery_configuration", "timeouts"),
            "aws_elasticache_parameter_group", Set.of("parameter"),
            "aws_cloudwatch_metric_alarm", Set.of("metric_query"),
            "aws_security_group", Set.of("timeouts"),
            "aws_elasticache_user", Set.of("authentication_mode", "timeouts"),
            "aws_subnet", Set.of("filter", "timeouts"));

    static boolean isSchemaBlock(String resourceType, String key) {
        return SCHEMA_BLOCKS.getOrDefault(resourceType, Set.of()).contains(key);
    }

    static boolean isLanguageBlock(String enclosing, String key) {
        return LANGUAGE_BLOCKS.getOrDefault(enclosing, Set.of()).contains(key);
    }
}
