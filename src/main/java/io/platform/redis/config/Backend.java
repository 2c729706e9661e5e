package io.platform.redis.config;

import java.util.Map;

/**
 * Where a stack keeps its Terraform state: {@code local} (a path relative to the stack's folder) or {@code s3}.
 * Settings are the backend's own argument names.
 */
public record Backend(String type, Map<String, Object> settings) {
    public static final Map<String, Map<String, Boolean>> KEYS = Map.of(
            "local", Map.of("path", true),
            "s3", Map.of("bucket", true, "key", true, "region", true, "encrypt", false, "dynamodb_table", false));

    public static Backend local(String path) {
        return new Backend("local", Map.of("path", path));
    }
}
