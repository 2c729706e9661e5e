package io.platform.redis.module;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What an ElastiCache node type can look like: {@code cache.<family>.<size>}. A grammar, not a list of today's types,
 * so a family AWS adds later (cache.r8g, cache.m8g...) keeps working while a typo fails at synth and at plan:
 * <ul>
 *   <li>family: a class letter (t burstable, m general purpose, r memory optimized, c network optimized), the
 *       generation (1-9) and up to three attribute letters (g Graviton, d data tiering SSD, n network, e...);</li>
 *   <li>size: burstable families come in micro, small and medium; the others in small, medium, large, xlarge or
 *       Nxlarge with N from 2 to 49.</li>
 * </ul>
 * The rule's regular expression is the module's validation too; Java adds the closest valid spelling.
 */
public final class NodeTypes {
    private NodeTypes() {
    }

    static final String BURSTABLE_SIZES = "micro|small|medium";
    static final String OTHER_SIZES = "small|medium|large|xlarge|([2-9]|[1-4][0-9])xlarge";
    static final String FORMAT = "^cache[.](t[1-9][a-z]{0,2}[.](" + BURSTABLE_SIZES + ")|[mrc][1-9][a-z]{0,3}[.](" + OTHER_SIZES + "))$";
    private static final Pattern PATTERN = Pattern.compile(FORMAT);

    /** Families and sizes ElastiCache offers for Redis OSS and Valkey today: the vocabulary of suggestions only. */
    private static final List<String> KNOWN_FAMILIES = List.of("t2", "t3", "t4g", "m5", "m6g", "m7g", "r5", "r6g", "r6gd", "r7g", "c7gn");
    private static final List<String> KNOWN_SIZES = List.of("micro", "small", "medium", "large", "xlarge", "2xlarge", "4xlarge",
            "8xlarge", "12xlarge", "16xlarge", "24xlarge");

    public static final String RULE = "a node type cache.FAMILY.SIZE, where FAMILY is the class t, m, r or c with its "
            + "generation (t4g, m7g, r6gd...) and SIZE is micro, small or medium for t, small to 49xlarge for the others";

    public static boolean valid(String nodeType) {
        return PATTERN.matcher(nodeType).matches();
    }

    /** The closest valid spelling of a node type that is not valid, when there is a close one. */
    public static Optional<String> closest(String typed) {
        String[] parts = typed.startsWith("cache.") ? typed.substring(6).split("[.]", -1) : typed.split("[.]", -1);
        if (parts.length != 2) {
            return Optional.empty();
        }
        String family = KNOWN_FAMILIES.contains(parts[0]) ? parts[0] : Suggestions.closest(parts[0], KNOWN_FAMILIES).orElse(parts[0]);
        String size = KNOWN_SIZES.contains(parts[1]) ? parts[1] : Suggestions.closest(parts[1], KNOWN_SIZES).orElse(parts[1]);
        String candidate = "cache." + family + "." + size;
        return valid(candidate) && !candidate.equals(typed) ? Optional.of(candidate) : Optional.empty();
    }

    /** The node type rule, with "did you mean" in Java. */
    static Rule rule(String badExample) {
        Rule format = Rules.matches(FORMAT, RULE, badExample);
        return format.withHint(value -> closest((String) value).map(match -> "did you mean \"" + match + "\"?").orElse(null));
    }
}
