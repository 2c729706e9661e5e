package io.platform.redis.support;

import java.util.List;
import java.util.Map;

/** Navigation in parsed Terraform JSON: {@code at(json, "resource", "aws_security_group", "this")}. */
public final class JsonPath {
    private JsonPath() {
    }

    @SuppressWarnings("unchecked")
    public static <T> T at(Object json, Object... path) {
        Object current = json;
        for (Object step : path) {
            if (current instanceof Map<?, ?> map && step instanceof String key) {
                if (!map.containsKey(key)) {
                    throw new AssertionError("no key " + key + " on the path " + List.of(path) + "; keys: " + map.keySet());
                }
                current = map.get(key);
            } else if (current instanceof List<?> list && step instanceof Integer index) {
                current = list.get(index);
            } else {
                throw new AssertionError("cannot follow " + step + " on the path " + List.of(path));
            }
        }
        return (T) current;
    }

    public static Map<String, Object> map(Object json, Object... path) {
        return at(json, path);
    }
}
