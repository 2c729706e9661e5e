package io.platform.redis.config;

import java.util.Map;

/**
 * Where a stack keeps its Terraform state: {@code local} (a path relative to the stack's folder) or {@code s3}.
 * Settings are the backend's own argument names. State locking on S3 is {@code use_lockfile} (a lock object beside
 * the state, Terraform 1.10 and later); {@code dynamodb_table} still works but Terraform 1.11 reports it deprecated.
 */
public record Backend(String type, Map<String, Object> settings) {
    public static final Map<String, Map<String, Boolean>> KEYS = Map.of(
            "local", Map.of("path", true),
            "s3", Map.of("bucket", true, "key", true, "region", true, "encrypt", false, "use_lockfile", false, "dynamodb_table", false));

    /** The settings that are switches; the others are strings. */
    public static final java.util.Set<String> SWITCHES = java.util.Set.of("encrypt", "use_lockfile");

    public static Backend local(String path) {
        return new Backend("local", Map.of("path", path));
    }
}
