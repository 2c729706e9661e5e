package io.platform.redis.module;

import java.util.Map;
import java.util.function.Predicate;

/**
 * A rule that ties several variables together (failover needs two nodes, AUTH needs TLS...). In the module it is a
 * precondition on the replication group, which every Terraform version from 1.2 evaluates; in Java it runs on the
 * effective inputs. {@code badExample} holds variable values that break it, on top of {@link RedisVariables#EXAMPLE}.
 */
public record CrossRule(String rule, String hclCondition, Predicate<ModuleInputs> check, Map<String, Object> badExample) {
}
