package io.platform.redis.cost;

import io.platform.redis.files.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * The on-demand node prices of {@code src/main/resources/pricing/elasticache-node-prices.json}, the one place that
 * holds them with their source and date. A node type, engine or region the file does not list has no price: callers
 * report it as unknown, never estimate it from another one.
 */
public final class NodePrices {
    public static final String RESOURCE = "/pricing/elasticache-node-prices.json";
    private static final NodePrices INSTANCE = load();

    private final Map<String, Object> data;

    private NodePrices(Map<String, Object> data) {
        this.data = data;
    }

    public static NodePrices get() {
        return INSTANCE;
    }

    public String source() {
        return (String) data.get("source");
    }

    public String retrieved() {
        return (String) data.get("retrieved");
    }

    public int hoursPerMonth() {
        return ((Number) data.get("hours_per_month")).intValue();
    }

    /** True when the file lists prices for the region at all. */
    @SuppressWarnings("unchecked")
    public boolean lists(String region) {
        return ((Map<String, Object>) data.get("regions")).containsKey(region);
    }

    /**
     * USD per node-hour, if the file lists the node type for the region: the engine's own price (as the AWS price
     * list gives Valkey's), else for Valkey the Redis OSS price less the discount.
     */
    @SuppressWarnings("unchecked")
    public Optional<BigDecimal> hourly(String region, String engine, String nodeType) {
        Map<String, Object> regions = (Map<String, Object>) data.get("regions");
        Map<String, Object> byEngine = (Map<String, Object>) regions.get(region);
        if (byEngine == null) {
            return Optional.empty();
        }
        if (byEngine.get(engine) instanceof Map<?, ?> own && own.get(nodeType) instanceof Number price) {
            return Optional.of(new BigDecimal(price.toString()));
        }
        if (!"valkey".equals(engine) || !(byEngine.get("redis") instanceof Map<?, ?> redis) || !(redis.get(nodeType) instanceof Number price)) {
            return Optional.empty();
        }
        return Optional.of(new BigDecimal(price.toString()).multiply(BigDecimal.ONE.subtract(new BigDecimal(data.get("valkey_discount").toString())))
                .setScale(6, RoundingMode.HALF_UP).stripTrailingZeros());
    }

    /** Where the prices of a region come from, when the region names it (imported regions do). */
    @SuppressWarnings("unchecked")
    public Map<String, String> regionSources() {
        Map<String, String> sources = new java.util.TreeMap<>();
        ((Map<String, Object>) data.get("regions")).forEach((region, prices) -> {
            if (((Map<String, Object>) prices).get("source") instanceof String source) {
                sources.put(region, source);
            }
        });
        return sources;
    }

    /** The prices of another file in the same format (the import's tests). */
    static NodePrices of(Map<String, Object> data) {
        return new NodePrices(data);
    }

    private static NodePrices load() {
        try (InputStream in = NodePrices.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new NodePrices(Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
