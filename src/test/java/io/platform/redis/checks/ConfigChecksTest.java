package io.platform.redis.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.hashicorp.cdktf.Token;
import io.platform.redis.support.JsiiLock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** ConfigChecks tells tokens from literals mostly without the jsii runtime: it must agree with cdktf on every kind. */
@ExtendWith(JsiiLock.class)
class ConfigChecksTest {
    @Test
    void everyKindOfTokenIsSeenAsCdktfSeesIt() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("string token", Token.asString(Token.asAny("${data.aws_vpc.main.id}")));
        values.put("expression", "${data.aws_vpc.main.id}");
        values.put("list token", Token.asList("${data.aws_subnets.private.ids}"));
        values.put("number token", Token.asNumber("${var.nodes}"));
        values.put("string map token", Token.asStringMap("${var.tags}"));
        values.put("resolvable", Token.asAny("${var.anything}"));
        values.put("token inside a list", List.of("subnet-0a1b2c3d", Token.asString("${var.subnet}")));
        values.put("plain string", "cache.t4g.micro");
        values.put("plain list", List.of("subnet-0a1b2c3d", "subnet-4e5f6a7b"));
        values.put("plain map", Map.of("team", "platform"));
        values.put("whole number", 2);
        values.put("fraction", 0.75);
        values.put("boolean", true);
        int tokens = 0;
        for (var entry : values.entrySet()) {
            boolean expected = askingCdktf(entry.getValue());
            assertEquals(expected, ConfigChecks.isToken(entry.getValue()), entry.getKey() + ": " + entry.getValue());
            tokens += expected ? 1 : 0;
        }
        assertEquals(7, tokens, "the six tokens and the expression are only known at plan");
    }

    /** The reference: every value, list element and map entry asked of cdktf, and "${...}" text. */
    private static boolean askingCdktf(Object value) {
        if (value instanceof List<?> list && list.stream().anyMatch(ConfigChecksTest::askingCdktf)) {
            return true;
        }
        if (value instanceof Map<?, ?> map && (map.keySet().stream().anyMatch(ConfigChecksTest::askingCdktf)
                || map.values().stream().anyMatch(ConfigChecksTest::askingCdktf))) {
            return true;
        }
        return Token.isUnresolved(value) || value instanceof String text && text.contains("${");
    }
}
