package io.platform.redis.cost;

import io.platform.redis.module.RedisVariables;
import io.platform.redis.files.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Adds regions to the price file from AWS's own price list, so no price is ever typed by hand: the on-demand node
 * prices of the {@code AmazonElastiCache} offer files given (the bulk price list's regional {@code index.json}) for
 * Redis OSS and Valkey, for every node type the module accepts. Each region found replaces that region in the file,
 * with the offer's version and publication date as its source; other regions stay as they are.
 *
 * <p>A product whose on-demand terms hold two different hourly prices is a problem, not a choice: every problem is
 * listed, the exit status is 1 and the file is left untouched. Run it as {@code build/import-prices FILE...}.
 */
public final class PriceListImport {
    static final Path PRICE_FILE = Path.of("src/main/resources/pricing/elasticache-node-prices.json");
    private static final Map<String, String> ENGINES = Map.of("Redis", "redis", "Valkey", "valkey");

    private PriceListImport() {
    }

    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: build/import-prices FILE.json... (AmazonElastiCache regional index.json files of the AWS price list, "
                    + "or a price summary with its source)");
            System.exit(2);
        }
        try {
            List<Path> offers = java.util.Arrays.stream(args).map(Path::of).toList();
            Map<String, Map<String, Object>> regions = importInto(PRICE_FILE, offers);
            regions.forEach((region, prices) -> System.out.println("prices: " + region + ": " + prices.get("source")));
        } catch (InvalidPriceListException e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
    }

    /** Reads the offers, then rewrites {@code priceFile} with their regions in one step; returns what was imported. */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> importInto(Path priceFile, List<Path> offers) {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Object>> imported = new TreeMap<>();
        for (Path offer : offers) {
            try {
                read(offer, problems).forEach((region, prices) -> {
                    if (imported.putIfAbsent(region, prices) != null) {
                        problems.add(offer + ": region " + region + " is in another of the files given too");
                    }
                });
            } catch (InvalidPriceListException e) {
                throw e;
            } catch (RuntimeException e) {
                problems.add(offer + ": not an AWS price list offer file: " + e.getMessage());
            }
        }
        if (imported.isEmpty() && problems.isEmpty()) {
            problems.add(String.join(", ", offers.stream().map(Path::toString).toList())
                    + ": no on-demand Redis OSS or Valkey node price for a node type the module accepts");
        }
        if (!problems.isEmpty()) {
            throw new InvalidPriceListException(problems);
        }
        Map<String, Object> data = Json.read(priceFile);
        Map<String, Object> regions = new TreeMap<>((Map<String, Object>) data.get("regions"));
        regions.putAll(imported);
        data.put("regions", regions);
        data.put("missing", "Stacks in a region the file does not list are estimated as unknown, never from another region's "
                + "price. Add a region with build/import-prices and the region's AmazonElastiCache offer file.");
        writeAtomically(priceFile, Json.render(data));
        return imported;
    }

    /** The regions of one offer file: {region: {source, redis: {node type: price}, valkey: {...}}}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> read(Path offer, List<String> problems) {
        Map<String, Object> document = Json.read(offer);
        if (!document.containsKey("offerCode") && document.get("source") instanceof String) {
            return readSummary(offer, document, problems);
        }
        if (!"AmazonElastiCache".equals(document.get("offerCode"))) {
            throw new IllegalArgumentException("offerCode is " + document.get("offerCode") + ", not AmazonElastiCache");
        }
        String source = "AWS price list, AmazonElastiCache offer version " + document.get("version") + ", published "
                + String.valueOf(document.get("publicationDate")).substring(0, 10) + ", on-demand node-hours";
        Map<String, Object> products = (Map<String, Object>) document.get("products");
        Map<String, Object> onDemand = (Map<String, Object>) ((Map<String, Object>) document.get("terms")).get("OnDemand");
        Map<String, Map<String, Map<String, BigDecimal>>> prices = new TreeMap<>();
        for (Object item : products.values()) {
            Map<String, Object> product = (Map<String, Object>) item;
            Map<String, Object> attributes = (Map<String, Object>) product.get("attributes");
            String engine = ENGINES.get(String.valueOf(attributes.get("cacheEngine")));
            String nodeType = String.valueOf(attributes.get("instanceType"));
            String region = (String) attributes.get("regionCode");
            if (!"Cache Instance".equals(product.get("productFamily")) || engine == null || region == null
                    || !RedisVariables.NODE_TYPE.violations(nodeType).isEmpty()) {
                continue;
            }
            TreeSet<BigDecimal> hourly = new TreeSet<>();
            Map<String, Object> terms = (Map<String, Object>) onDemand.getOrDefault(product.get("sku"), Map.of());
            for (Object term : terms.values()) {
                for (Object dimension : ((Map<String, Object>) ((Map<String, Object>) term).get("priceDimensions")).values()) {
                    Map<String, Object> d = (Map<String, Object>) dimension;
                    BigDecimal usd = new BigDecimal(String.valueOf(((Map<String, Object>) d.get("pricePerUnit")).get("USD")));
                    // zero-priced dimensions are the "reserved instance applied" rate, not the on-demand price
                    if ("Hrs".equals(d.get("unit")) && usd.signum() > 0) {
                        hourly.add(usd.stripTrailingZeros());
                    }
                }
            }
            if (hourly.size() > 1) {
                problems.add(offer + ": " + region + " " + engine + " " + nodeType + ": several on-demand hourly prices " + hourly);
            } else if (hourly.size() == 1) {
                BigDecimal previous = prices.computeIfAbsent(region, r -> new TreeMap<>()).computeIfAbsent(engine, e -> new TreeMap<>())
                        .put(nodeType, hourly.first());
                if (previous != null && previous.compareTo(hourly.first()) != 0) {
                    problems.add(offer + ": " + region + " " + engine + " " + nodeType + ": two products, prices " + previous + " and " + hourly.first());
                }
            }
        }
        Map<String, Map<String, Object>> regions = new TreeMap<>();
        prices.forEach((region, byEngine) -> {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", source);
            byEngine.forEach((engine, byType) -> entry.put(engine, sorted(byType)));
            regions.put(region, entry);
        });
        return regions;
    }

    /**
     * A price summary taken from the price list by someone else, with its provenance: {"source", "retrieved",
     * "cross_check", "known_gaps", "<region>": {"redis": {node type: price}}}. Its own words become the region's
     * source; only node types the module accepts are kept, so a type the file lacks stays unknown.
     */
    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> readSummary(Path file, Map<String, Object> document, List<String> problems) {
        StringBuilder source = new StringBuilder((String) document.get("source"));
        for (String key : List.of("retrieved", "cross_check", "known_gaps")) {
            if (document.get(key) instanceof String text) {
                source.append(' ').append(key.replace('_', ' ')).append(": ").append(text);
            }
        }
        Map<String, Map<String, Object>> regions = new TreeMap<>();
        document.forEach((key, value) -> {
            if (!key.matches("^[a-z]{2}(-[a-z]+)+-[0-9]$")) {
                return;
            }
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("source", source.toString());
            ((Map<String, Object>) value).forEach((engine, byType) -> {
                if (!ENGINES.containsValue(engine)) {
                    problems.add(file + ": " + key + ": engine " + engine + " is neither redis nor valkey");
                    return;
                }
                Map<String, BigDecimal> prices = new TreeMap<>();
                ((Map<String, Object>) byType).forEach((nodeType, price) -> {
                    BigDecimal usd = new BigDecimal(String.valueOf(price));
                    if (!RedisVariables.NODE_TYPE.violations(nodeType).isEmpty() || usd.signum() <= 0) {
                        problems.add(file + ": " + key + " " + engine + " " + nodeType + ": " + price + " is not a node type's hourly price");
                    } else {
                        prices.put(nodeType, usd.stripTrailingZeros());
                    }
                });
                entry.put(engine, sorted(prices));
            });
            regions.put(key, entry);
        });
        return regions;
    }

    /** Node types by family, then by price (micro, small, ... 16xlarge), as a reader scans them. */
    private static Map<String, Object> sorted(Map<String, BigDecimal> byType) {
        Map<String, Object> out = new LinkedHashMap<>();
        byType.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, BigDecimal> e) -> e.getKey().substring(0, e.getKey().lastIndexOf('.')))
                        .thenComparing(Map.Entry::getValue))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static void writeAtomically(Path file, String text) {
        try {
            Path staged = Files.createTempFile(file.toAbsolutePath().getParent(), ".prices-", ".json");
            Files.writeString(staged, text);
            Files.move(staged, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every problem of the offer files given, one per line. */
    static final class InvalidPriceListException extends RuntimeException {
        InvalidPriceListException(List<String> problems) {
            super(problems.size() + " problem(s); " + PRICE_FILE + " left as it was:\n  - " + String.join("\n  - ", problems));
        }
    }
}
