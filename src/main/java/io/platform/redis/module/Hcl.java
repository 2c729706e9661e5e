package io.platform.redis.module;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Terraform (HCL) literals for the values variables hold, used in generated test files and docs. */
public final class Hcl {
    private Hcl() {
    }

    public static String literal(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String text) {
            return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"").replace("${", "$${").replace("%{", "%%{") + "\"";
        }
        if (value instanceof List<?> list) {
            return list.stream().map(Hcl::literal).collect(Collectors.joining(", ", "[", "]"));
        }
        if (value instanceof Map<?, ?> map) {
            return map.isEmpty() ? "{}" : map.entrySet().stream()
                    .map(e -> literal(e.getKey()) + " = " + literal(e.getValue()))
                    .collect(Collectors.joining(", ", "{ ", " }"));
        }
        return String.valueOf(value);
    }
}
