package io.platform.redis.cost;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.files.Json;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * build/import-prices on a fixture in the AWS price list's offer layout (made-up prices): what it takes, what it
 * leaves out, and that a bad offer leaves the price file as it was.
 */
class PriceListImportTest {
    private static final Path FIXTURE = Path.of("src/test/resources/pricing/offer-eu-west-1-fixture.json");

    @TempDir
    Path dir;

    private Path priceFile() throws Exception {
        Path copy = dir.resolve("elasticache-node-prices.json");
        Files.copy(PriceListImport.PRICE_FILE, copy);
        return copy;
    }

    @Test
    void onDemandRedisAndValkeyNodePricesOfTheRegionAreImportedAndNothingElse() throws Exception {
        Path prices = priceFile();
        PriceListImport.importInto(prices, List.of(FIXTURE));
        Map<String, Object> data = Json.read(prices);
        @SuppressWarnings("unchecked")
        Map<String, Object> ireland = (Map<String, Object>) ((Map<String, Object>) data.get("regions")).get("eu-west-1");
        assertEquals(Map.of("cache.t4g.micro", 0.0111, "cache.r6g.large", 0.222), ireland.get("redis"),
                "the zero-priced dimension, Memcached and a non-cache type stay out");
        assertEquals(Map.of("cache.t4g.micro", 0.00888), ireland.get("valkey"), "serverless stays out");
        assertEquals("AWS price list, AmazonElastiCache offer version 20261101000000, published 2026-11-01, on-demand node-hours",
                ireland.get("source"));
        assertEquals(List.of("source", "redis", "valkey"), List.copyOf(ireland.keySet()));

        NodePrices read = NodePrices.of(data);
        assertEquals(Optional.of(new BigDecimal("0.00888")), read.hourly("eu-west-1", "valkey", "cache.t4g.micro"),
                "a listed Valkey price is used as it is");
        assertEquals(Optional.of(new BigDecimal("0.1776")), read.hourly("eu-west-1", "valkey", "cache.r6g.large"),
                "a Valkey price the list lacks is the Redis OSS one less the file's valkey_discount");
        assertEquals(NodePrices.get().hourly("us-east-1", "redis", "cache.t4g.micro"), read.hourly("us-east-1", "redis", "cache.t4g.micro"),
                "other regions stay as they were");
    }

    @Test
    void anOfferWithTwoPricesForOneNodeOrNotAnOfferAtAllChangesNothing() throws Exception {
        Path prices = priceFile();
        byte[] before = Files.readAllBytes(prices);
        String twoPrices = Files.readString(FIXTURE).replace("\"0.0000000000\"", "\"0.0123000000\"");
        Path conflicting = Files.writeString(dir.resolve("conflicting.json"), twoPrices);
        Path notAnOffer = Files.writeString(dir.resolve("not-an-offer.json"), "{\"offerCode\": \"AmazonEC2\"}");

        PriceListImport.InvalidPriceListException e = assertThrows(PriceListImport.InvalidPriceListException.class,
                () -> PriceListImport.importInto(prices, List.of(conflicting, notAnOffer)));
        assertTrue(e.getMessage().startsWith("2 problem(s)"), e.getMessage());
        assertTrue(e.getMessage().contains("eu-west-1 redis cache.t4g.micro: several on-demand hourly prices [0.0111, 0.0123]"), e.getMessage());
        assertTrue(e.getMessage().contains("not-an-offer.json: not an AWS price list offer file: offerCode is AmazonEC2"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(prices), "the price file must be left as it was");
    }

    /** A price summary with its provenance (the shared eu-west-1 file's layout, made-up prices): its own words become the source. */
    @Test
    void aPriceSummaryIsImportedWithItsOwnProvenanceAndABadRowChangesNothing() throws Exception {
        Path prices = priceFile();
        Path summary = Files.writeString(dir.resolve("summary.json"), """
                {"what": "on-demand node-hours", "source": "A scrape of the price list", "retrieved": "2026-11-28",
                 "cross_check": "us-east-1 rows agree", "known_gaps": "no m7g",
                 "ap-south-1": {"redis": {"cache.t4g.micro": 0.0123, "cache.r6g.large": 0.2}}}
                """);
        PriceListImport.importInto(prices, List.of(summary));
        NodePrices read = NodePrices.of(Json.read(prices));
        assertEquals(Optional.of(new BigDecimal("0.0123")), read.hourly("ap-south-1", "redis", "cache.t4g.micro"));
        assertEquals(Optional.empty(), read.hourly("ap-south-1", "redis", "cache.m7g.large"), "a type the summary lacks stays unknown");
        assertEquals("A scrape of the price list retrieved: 2026-11-28 cross check: us-east-1 rows agree known gaps: no m7g",
                read.regionSources().get("ap-south-1"));

        byte[] before = Files.readAllBytes(prices);
        Path bad = Files.writeString(dir.resolve("bad.json"), """
                {"source": "x", "ap-east-1": {"redis": {"cache.t4g.smal": 0.01}, "memcached": {}}}
                """);
        PriceListImport.InvalidPriceListException e = assertThrows(PriceListImport.InvalidPriceListException.class,
                () -> PriceListImport.importInto(prices, List.of(bad)));
        assertTrue(e.getMessage().contains("ap-east-1 redis cache.t4g.smal: 0.01 is not a node type's hourly price"), e.getMessage());
        assertTrue(e.getMessage().contains("engine memcached is neither redis nor valkey"), e.getMessage());
        assertArrayEquals(before, Files.readAllBytes(prices), "the price file must be left as it was");
    }
}
