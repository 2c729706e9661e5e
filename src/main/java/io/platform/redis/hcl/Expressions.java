package io.platform.redis.hcl;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Terraform JSON values as HCL expressions. In Terraform JSON every string is a template: a string that is one
 * {@code ${...}} from start to end becomes the bare expression inside it; any other string stays a quoted template,
 * its literal parts escaped for HCL and its {@code ${...}} / {@code %{...}} sequences copied as they are (HCL reads
 * quotes inside them as nested strings, exactly as Terraform JSON does).
 */
final class Expressions {
    private static final Pattern IDENTIFIER = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]*$");

    private Expressions() {
    }

    /**
     * An object whose one-line form is longer than this is written one item per line, as a reader (and terraform
     * fmt) lays it out. The text then spans lines indented relative to the attribute; the writer adds its indent.
     */
    static final int ONE_LINE_OBJECT_LIMIT = 100;

    /** A value in expression context: attributes, locals, outputs, module arguments. */
    static String expression(Object value, String path) {
        if (value instanceof String text) {
            String whole = wholeInterpolation(text, path);
            return whole != null ? whole.strip() : template(text, path);
        }
        return compound(value, path, false, true);
    }

    /** A value in literal context (variable defaults): strings are never templates there. */
    static String literal(Object value, String path) {
        if (value instanceof String text) {
            return "\"" + escapeLiteral(text).replace("${", "$${").replace("%{", "%%{") + "\"";
        }
        return compound(value, path, true, true);
    }

    /** Items of a long object, one per line; runs of one-line items get their "=" aligned, as terraform fmt does. */
    private static String multiLineObject(Map<?, ?> map, String path, boolean literal) {
        List<String[]> items = new java.util.ArrayList<>();
        for (var entry : map.entrySet()) {
            String key = (String) entry.getKey();
            items.add(new String[] {key(key), element(entry.getValue(), path + "." + key, literal, true)});
        }
        return "{\n" + AlignedLines.of(items).indent(2) + "}";
    }

    private static String compound(Object value, String path, boolean literal, boolean mayBreakLines) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Boolean || value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        if (value instanceof Number number) {
            return new BigDecimal(number.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            StringBuilder out = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                out.append(i == 0 ? "" : ", ").append(element(list.get(i), path + "[" + i + "]", literal, false));
            }
            return out.append("]").toString();
        }
        if (value instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                return "{}";
            }
            StringBuilder out = new StringBuilder("{ ");
            boolean first = true;
            for (var entry : map.entrySet()) {
                String key = (String) entry.getKey();
                out.append(first ? "" : ", ").append(key(key)).append(" = ")
                        .append(element(entry.getValue(), path + "." + key, literal, false));
                first = false;
            }
            String oneLine = out.append(" }").toString();
            return mayBreakLines && oneLine.length() > ONE_LINE_OBJECT_LIMIT ? multiLineObject(map, path, literal) : oneLine;
        }
        throw new HclRenderException(path, "unsupported value of type " + value.getClass().getSimpleName());
    }

    private static String element(Object value, String path, boolean literal, boolean mayBreakLines) {
        if (value instanceof String) {
            return literal ? literal(value, path) : expression(value, path);
        }
        return compound(value, path, literal, mayBreakLines);
    }

    /** An object key: bare when it is a plain identifier, quoted otherwise (e.g. "maxmemory-policy"). */
    static String key(String key) {
        return IDENTIFIER.matcher(key).matches() ? key : "\"" + escapeLiteral(key) + "\"";
    }

    /** The inner expression when {@code text} is exactly one {@code ${...}}, else null. */
    static String wholeInterpolation(String text, String path) {
        if (!text.startsWith("${")) {
            return null;
        }
        int end = endOfSequence(text, 0, path);
        return end == text.length() ? text.substring(2, end - 1) : null;
    }

    /** A quoted HCL template with the same meaning as the Terraform JSON string. */
    static String template(String text, String path) {
        StringBuilder out = new StringBuilder("\"");
        int i = 0;
        while (i < text.length()) {
            if (text.startsWith("$${", i) || text.startsWith("%%{", i)) {
                out.append(text, i, i + 3);
                i += 3;
            } else if (text.startsWith("${", i) || text.startsWith("%{", i)) {
                int end = endOfSequence(text, i, path);
                out.append(text, i, end);
                i = end;
            } else {
                out.append(escapeLiteral(String.valueOf(text.charAt(i))));
                i++;
            }
        }
        return out.append("\"").toString();
    }

    /** Index just past the '}' closing the sequence that starts at {@code start} ("${" or "%{"). */
    private static int endOfSequence(String text, int start, String path) {
        int depth = 0;
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '"') {
                i = endOfQuoted(text, i, path);
                continue;
            }
            if (c == '{') {
                depth++;
            } else if (c == '}') {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
            i++;
        }
        throw new HclRenderException(path, "unterminated template sequence in " + text);
    }

    /** Index just past the closing quote of the string literal starting at {@code start}, nested templates included. */
    private static int endOfQuoted(String text, int start, String path) {
        int i = start + 1;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\') {
                i += 2;
            } else if (c == '"') {
                return i + 1;
            } else if ((c == '$' || c == '%') && text.startsWith("{", i + 1) && !text.startsWith("$$", i - 1)) {
                i = endOfSequence(text, i, path);
            } else {
                i++;
            }
        }
        throw new HclRenderException(path, "unterminated string in " + text);
    }

    private static String escapeLiteral(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '"' -> out.append("\\\"");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }
}
