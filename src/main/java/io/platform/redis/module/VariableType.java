package io.platform.redis.module;

import java.util.List;
import java.util.Map;

/** The Terraform types the module's variables use, with the Java type a stack file value is converted to. */
public enum VariableType {
    STRING("string"),
    NUMBER("number"),
    BOOL("bool"),
    STRING_LIST("list(string)"),
    STRING_MAP("map(string)");

    private final String hcl;

    VariableType(String hcl) {
        this.hcl = hcl;
    }

    /** The type constraint as written in Terraform, e.g. {@code list(string)}. */
    public String hcl() {
        return hcl;
    }

    /** True when {@code value} is what this type holds in Java (String, Integer, Boolean, List, Map). */
    public boolean accepts(Object value) {
        return switch (this) {
            case STRING -> value instanceof String;
            case NUMBER -> value instanceof Integer;
            case BOOL -> value instanceof Boolean;
            case STRING_LIST -> value instanceof List<?> list && list.stream().allMatch(String.class::isInstance);
            case STRING_MAP -> value instanceof Map<?, ?> map
                    && map.keySet().stream().allMatch(String.class::isInstance)
                    && map.values().stream().allMatch(String.class::isInstance);
        };
    }

    /** How the type is described to an operator who wrote the wrong kind of value. */
    public String expected() {
        return switch (this) {
            case STRING -> "a string";
            case NUMBER -> "a whole number";
            case BOOL -> "true or false";
            case STRING_LIST -> "a list of strings";
            case STRING_MAP -> "a map of string to string";
        };
    }
}
