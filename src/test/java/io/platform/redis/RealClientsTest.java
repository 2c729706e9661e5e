package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.platform.redis.chatdesign.ChatCluster;
import io.platform.redis.config.Workload;
import io.platform.redis.module.RedisOutputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.support.Clients;
import io.platform.redis.support.JsiiLock;
import io.platform.redis.support.LocalRedis;
import io.platform.redis.support.ModuleEvaluation.Evaluated;
import io.platform.redis.support.ModuleEvaluation;
import io.platform.redis.support.Processes;
import io.platform.redis.support.Synthesized;
import io.platform.redis.support.Terraform;
import io.platform.redis.support.TestCertificates;
import io.platform.redis.support.Tiers;
import io.platform.redis.files.Directories;
import io.platform.redis.files.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The module's outputs and tuning, proven with the clients the two designs name, against a real redis-server on
 * 127.0.0.1: Django + django-redis and Celery (a real worker) with {@code redis_url} / {@code celery_broker_url},
 * ioredis with the chat design's options and {@code adapter_redis_url}. The URLs and the parameter groups come from
 * terraform evaluating the module ({@link ModuleEvaluation}); the server is TLS-only with AUTH, TLS-only, or plain,
 * with a throw-away CA that the clients trust through their default trust stores. ElastiCache itself cannot run
 * here; redis-server 7.0 is the same engine line and speaks the same protocol, TLS and AUTH.
 */
@Tag(Tiers.TERRAFORM)
@Tag(Tiers.CLIENTS)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Order(Integer.MAX_VALUE) // the second thread takes classes from the end of the order: this long one first
class RealClientsTest {
    /** Every special character AWS allows in an AUTH token: ! & # $ ^ < > - */
    static final String TOKEN = "Not-a-secret!&#$^<>-client-check-01";
    static final String DJANGO_TLS_AUTH = "django_tls_auth";
    static final String DJANGO_TLS = "django_tls";
    static final String DJANGO_PLAIN = "django_plain";
    static final String DJANGO_ALLKEYS = "django_allkeys_lru";
    static final String DJANGO_RBAC = "django_rbac";
    static final String RBAC_BROKEN = "rbac_celery_without_its_keys";
    /** The README's example users: Django's cache keys, Celery's queue and results, the realtime service's presence keys. */
    static final Map<String, String> RBAC_USERS = Map.of("django", "on ~:1:* +@all",
            "celery", "on ~celery* ~_kombu* ~unacked* &* +@all",
            "realtime", "on ~presence:* &* +@all");
    static final String CHAT = "chat";
    /** Small enough that a few thousand cache entries fill the node. */
    static final Map<String, String> SMALL_NODE = Map.of("maxmemory", "8mb");

    private Path work;
    private TestCertificates certificates;
    private Map<String, Map<String, Object>> inputs;
    private Map<String, Evaluated> module;

    /** Why the checks cannot run here, or null; each check then reports itself skipped with this reason. */
    private String unavailable;

    @BeforeAll
    void evaluateTheModuleAndMakeCertificates() throws Exception {
        Optional<String> missing = Terraform.get().isEmpty() ? Optional.of(Terraform.unavailableReason()) : Clients.missing();
        if (missing.isPresent()) {
            unavailable = missing.get();
            return;
        }
        Files.createDirectories(Path.of("target"));
        work = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "real-clients-");
        certificates = TestCertificates.create(work);
        inputs = cases();
        module = ModuleEvaluation.evaluate(Terraform.get().orElseThrow(), Synthesized.get().module, inputs);
    }

    @BeforeEach
    void skipWhereTheClientsCannotRun() {
        assumeTrue(unavailable == null, () -> "SKIPPED real-client checks: " + unavailable);
    }

    @AfterAll
    void cleanUp() {
        if (work != null) {
            Directories.deleteIfExists(work);
        }
    }

    /** Module inputs per case: the catalog's Django example, and the chat-dev stack's cluster, on a free port each. */
    private static Map<String, Map<String, Object>> cases() {
        Map<String, Map<String, Object>> cases = new LinkedHashMap<>();
        cases.put(DJANGO_TLS_AUTH, django(Map.of("auth_token_enabled", true, "auth_token", TOKEN)));
        cases.put(DJANGO_TLS, django(Map.of()));
        cases.put(DJANGO_PLAIN, django(Map.of("transit_encryption_enabled", false)));
        cases.put(DJANGO_ALLKEYS, django(Map.of("auth_token_enabled", true, "auth_token", TOKEN, "maxmemory_policy", "allkeys-lru")));
        cases.put(DJANGO_RBAC, django(Map.of("rbac_users", RBAC_USERS, "redis_url_user", "django", "celery_broker_url_user", "celery")));
        // a broken configuration: Celery's user may only touch Django's keys
        cases.put(RBAC_BROKEN, django(Map.of("rbac_users", Map.of("django", "on ~:1:* +@all", "celery", "on ~:1:* &* +@all"),
                "redis_url_user", "django", "celery_broker_url_user", "celery")));
        Workload.ChatRedis chat = (Workload.ChatRedis) Synthesized.get().stacks.stream()
                .filter(s -> s.stack().equals("chat-dev")).findFirst().orElseThrow().workload();
        Map<String, Object> cluster = new LinkedHashMap<>(JsiiLock.locked(() -> ChatCluster.of(chat.settings())).get(0).inputs().explicit());
        cluster.put("auth_token", TOKEN);
        cluster.put("port", LocalRedis.freePort());
        cases.put(CHAT, cluster);
        return cases;
    }

    private static Map<String, Object> django(Map<String, Object> overrides) {
        Map<String, Object> values = new LinkedHashMap<>(RedisVariables.EXAMPLE);
        values.putAll(overrides);
        values.put("port", LocalRedis.freePort());
        return values;
    }

    /** A server shaped like the case's cluster ({@link #server(Map, Evaluated, Map)}). */
    private LocalRedis server(String caseName, Map<String, String> extra) {
        return server(inputs.get(caseName), module.get(caseName), extra);
    }

    /**
     * A server shaped like a cluster of these inputs, as the module evaluated them: TLS and AUTH as the inputs say, the
     * parameter group as configuration, the RBAC users with the passwords the module gives them ({@link #acl}).
     */
    @SuppressWarnings("unchecked")
    private LocalRedis server(Map<String, Object> in, Evaluated evaluated, Map<String, String> extra) {
        boolean tls = !Boolean.FALSE.equals(in.get("transit_encryption_enabled"));
        String password = Boolean.TRUE.equals(in.get("auth_token_enabled")) ? (String) in.get("auth_token") : null;
        Map<String, String> configuration = new LinkedHashMap<>(evaluated.parameters());
        configuration.putAll(extra);
        Map<String, String> users = (Map<String, String>) in.get("rbac_users");
        return LocalRedis.start(work, ((Number) in.get("port")).intValue(), tls ? certificates : null, password, configuration,
                users == null ? List.of() : acl(users, evaluated.userPasswords()));
    }

    /**
     * RBAC users as redis.conf ACL lines: "default" off, and each user with its access string and the passwords the
     * module gives its ElastiCache user (one, or two while a password rotates).
     */
    private static List<String> acl(Map<String, String> access, Map<String, List<String>> passwords) {
        List<String> acl = new ArrayList<>(List.of("user default off"));
        access.forEach((user, rules) -> acl.add("user " + user + " " + rules.replaceFirst("^on ",
                "on " + String.join(" ", passwords.get(user).stream().map(p -> ">" + p).toList()) + " ")));
        return acl;
    }

    private Map<String, String> pythonEnv(Evaluated evaluated) {
        return Map.of("REDIS_URL", evaluated.output(RedisOutputs.REDIS_URL),
                "CELERY_BROKER_URL", evaluated.output(RedisOutputs.CELERY_BROKER_URL),
                "SSL_CERT_FILE", certificates.caCertificate().toString());
    }

    private Map<String, String> nodeEnv(Evaluated evaluated, String token) {
        return Map.of("REDIS_HOST", evaluated.output(RedisOutputs.PRIMARY_ENDPOINT_ADDRESS),
                "REDIS_PORT", evaluated.output(RedisOutputs.PORT),
                "REDIS_AUTH_TOKEN", token,
                "ADAPTER_REDIS_URL", evaluated.output(RedisOutputs.CONNECTION_URL),
                "NODE_EXTRA_CA_CERTS", certificates.caCertificate().toString());
    }

    private Processes.Result python(String caseName, String check, Map<String, String> extra) {
        try (LocalRedis ignored = server(caseName, extra)) {
            return report(caseName, check, Clients.python(check, pythonEnv(module.get(caseName))));
        }
    }

    private Processes.Result node(String caseName, String check, Map<String, String> extra) {
        try (LocalRedis ignored = server(caseName, extra)) {
            return report(caseName, check, Clients.node(check, nodeEnv(module.get(caseName), TOKEN)));
        }
    }

    private static Processes.Result report(String caseName, String check, Processes.Result result) {
        System.out.println("[client check] " + caseName + " / " + check + " (exit " + result.exitCode() + "): " + result.lastLine());
        return result;
    }

    private static void assertPassed(Processes.Result result) {
        assertEquals(0, result.exitCode(), result.output());
    }

    @ParameterizedTest(name = "Django cache through django-redis with redis_url: {0}")
    @ValueSource(strings = {DJANGO_TLS_AUTH, DJANGO_TLS, DJANGO_PLAIN})
    void djangoCache(String caseName) {
        assertPassed(python(caseName, "cache", Map.of()));
    }

    @Test
    void djangoCacheBackedSessions() {
        assertPassed(python(DJANGO_TLS_AUTH, "sessions", Map.of()));
    }

    @ParameterizedTest(name = "Celery broker and result backend with celery_broker_url, a real worker: {0}")
    @ValueSource(strings = {DJANGO_TLS_AUTH, DJANGO_TLS, DJANGO_PLAIN})
    void celeryBrokerAndResultBackend(String caseName) {
        assertPassed(python(caseName, "celery", Map.of()));
    }

    @Test
    void djangoCacheClearLeavesQueuedTasksAlone() {
        assertPassed(python(DJANGO_TLS_AUTH, "cache-clear-keeps-queue", Map.of()));
    }

    /** The module's default policy only evicts keys with a TTL: Django's entries have one, Celery's queue has none. */
    @Test
    void queuedTaskSurvivesACacheThatFillsTheNodeUnderTheDefaultPolicy() {
        assertEquals("volatile-lru", module.get(DJANGO_TLS_AUTH).parameters().get("maxmemory-policy"));
        Map<String, Object> outcome = Json.parse(python(DJANGO_TLS_AUTH, "queue-under-cache-pressure", SMALL_NODE).lastLine());
        assertTrue(((Number) outcome.get("evicted_keys")).intValue() > 0, outcome.toString());
        assertEquals(1, outcome.get("queued_after_fill"), "the queued task was evicted: " + outcome);
        assertEquals(15, outcome.get("result"), "the worker did not run the surviving task: " + outcome);
    }

    /** Why the default is not the original module's allkeys-lru: with it, the same cache evicts the queued task. */
    @Test
    void allkeysLruEvictsQueuedTasksWhenTheCacheFillsTheNode() {
        assertEquals("allkeys-lru", module.get(DJANGO_ALLKEYS).parameters().get("maxmemory-policy"));
        Map<String, Object> outcome = Json.parse(python(DJANGO_ALLKEYS, "queue-under-cache-pressure", SMALL_NODE).lastLine());
        assertTrue(((Number) outcome.get("evicted_keys")).intValue() > 0, outcome.toString());
        assertEquals(0, outcome.get("queued_after_fill"), "allkeys-lru kept the queue this time: " + outcome);
    }

    @ParameterizedTest(name = "a full node keeps accepting Django cache writes by evicting: {0}")
    @ValueSource(strings = {DJANGO_TLS_AUTH, DJANGO_ALLKEYS})
    void fullNodeKeepsAcceptingCacheWrites(String caseName) {
        assertPassed(python(caseName, "allkeys-keeps-writing", SMALL_NODE));
    }

    @Test
    void ioredisConnectsWithTheDesignsOptionsAndWithAdapterRedisUrl() {
        assertPassed(node(CHAT, "connect", Map.of()));
    }

    @Test
    void ioredisReceivesExpiryEventsForPresenceCleanup() {
        assertEquals("Ex", module.get(CHAT).parameters().get("notify-keyspace-events"));
        assertPassed(node(CHAT, "expiry-events", Map.of()));
    }

    @Test
    void ioredisPubSubBetweenTwoConnections() {
        assertPassed(node(CHAT, "pubsub", Map.of()));
    }

    @Test
    void chatTuningEvictsOnlyKeysWithATtl() {
        assertEquals("volatile-lru", module.get(CHAT).parameters().get("maxmemory-policy"));
        assertPassed(node(CHAT, "volatile-eviction", SMALL_NODE));
    }

    /** The token holds every special character AWS allows; the module URL-encodes it and all three clients log in. */
    @Test
    void tokenWithEverySpecialCharacterAwsAllowsWorksWithAllThreeClients() {
        for (char special : "!&#$^<>-".toCharArray()) {
            assertTrue(TOKEN.indexOf(special) >= 0, "token lacks " + special);
        }
        Evaluated evaluated = module.get(DJANGO_TLS_AUTH);
        assertTrue(evaluated.output(RedisOutputs.REDIS_URL).startsWith("rediss://:Not-a-secret%21%26%23%24%5E%3C%3E-client-check-01@127.0.0.1:"),
                "the token is not URL-encoded in redis_url");
        try (LocalRedis ignored = server(DJANGO_TLS_AUTH, Map.of())) {
            assertPassed(report(DJANGO_TLS_AUTH, "cache", Clients.python("cache", pythonEnv(evaluated))));
            assertPassed(report(DJANGO_TLS_AUTH, "celery", Clients.python("celery", pythonEnv(evaluated))));
            assertPassed(report(DJANGO_TLS_AUTH, "connect", Clients.node("connect", nodeEnv(evaluated, TOKEN))));
        }
    }

    /**
     * The Celery check is a real check: a module whose celery_broker_url is the plain concatenation (no
     * ssl_cert_reqs) makes Celery's result backend refuse it, and one that points Celery at DB 0 loses the queued
     * task to Django's cache.clear().
     */
    /**
     * RBAC: Django's cache, Celery's broker and result backend and the realtime service each connect as their own user
     * with the module's URLs, and a user is refused another's keys; Celery fails when its user lacks its keys.
     */
    @Test
    @SuppressWarnings("unchecked")
    void rbacUsersConnectWithTheirOwnUrlsAndAreRefusedOthersKeys() {
        Evaluated rbac = module.get(DJANGO_RBAC);
        assertTrue(rbac.output(RedisOutputs.REDIS_URL).startsWith("rediss://django:"), "redis_url carries the django user");
        assertTrue(rbac.output(RedisOutputs.CELERY_BROKER_URL).startsWith("rediss://celery:"), "celery_broker_url carries the celery user");
        assertPassed(python(DJANGO_RBAC, "cache", Map.of()));
        assertPassed(python(DJANGO_RBAC, "celery", Map.of()));
        assertPassed(python(DJANGO_RBAC, "rbac-isolation", Map.of()));
        Map<String, String> urls = (Map<String, String>) rbac.outputs().get(RedisOutputs.USER_URLS.name());
        try (LocalRedis ignored = server(DJANGO_RBAC, Map.of())) {
            Map<String, String> env = new LinkedHashMap<>(nodeEnv(rbac, TOKEN));
            env.put("ADAPTER_REDIS_URL", urls.get("realtime"));
            assertPassed(report(DJANGO_RBAC, "user-url", Clients.node("user-url", env)));
        }
        Processes.Result broken = python(RBAC_BROKEN, "celery", Map.of());
        assertNotEquals(0, broken.exitCode(), "Celery must fail when its user cannot reach its keys:\n" + broken.output());
        assertTrue(broken.output().contains("NOPERM") || broken.output().contains("NoPermission"), broken.output());
    }

    /**
     * RBAC password rotation as the module README gives it, applied step by step to one module call: rotate (version
     * 2 beside version 1), retire (version 1 gone), then a version raised alone (a leaked password). The server holds
     * each step's passwords as the module gives them to the ElastiCache user; Django connects with the redis_url of
     * before the rotation (an app that has not read the new secret yet) and with the new one. Through the rotation
     * both log in, so there is no moment without a valid password; after the retirement only the new one does; a
     * version raised alone refuses the URL the apps hold at once.
     */
    @Test
    void rbacPasswordRotationKeepsTheOldPasswordValidUntilItIsRetired() {
        Map<String, Object> in = inputs.get(DJANGO_RBAC);
        String versions = RedisVariables.RBAC_PASSWORD_VERSIONS.name();
        String previous = RedisVariables.RBAC_PREVIOUS_PASSWORD_VERSIONS.name();
        List<Evaluated> steps = ModuleEvaluation.evaluateSteps(Terraform.get().orElseThrow(), Synthesized.get().module, in, List.of(
                Map.of(versions, Map.of(), previous, Map.of()),
                Map.of(versions, Map.of("django", "2"), previous, Map.of("django", "1")),
                Map.of(versions, Map.of("django", "2"), previous, Map.of()),
                Map.of(versions, Map.of("django", "3"), previous, Map.of())));
        String before = steps.get(0).output(RedisOutputs.REDIS_URL);
        String rotated = steps.get(1).output(RedisOutputs.REDIS_URL);
        assertNotEquals(before, rotated, "the rotation gives the django user a new password in redis_url");
        assertEquals(rotated, steps.get(2).output(RedisOutputs.REDIS_URL), "retiring the old password leaves the new one in redis_url");
        assertEquals(2, steps.get(1).userPasswords().get("django").size(), "the user holds both passwords while it rotates");
        assertEquals(1, steps.get(2).userPasswords().get("django").size(), "the retired password is gone");
        assertPassed(djangoAt(in, steps.get(1), "rotating", "the old URL", before));
        assertPassed(djangoAt(in, steps.get(1), "rotating", "the new URL", rotated));
        assertPassed(djangoAt(in, steps.get(2), "retired", "the new URL", rotated));
        assertRefused(djangoAt(in, steps.get(2), "retired", "the old URL", before));
        assertRefused(djangoAt(in, steps.get(3), "raised alone", "the URL the apps hold", rotated));
        assertPassed(djangoAt(in, steps.get(3), "raised alone", "the new URL", steps.get(3).output(RedisOutputs.REDIS_URL)));
    }

    /** Django's cache check with {@code url}, against a server holding the step's users and passwords. */
    private Processes.Result djangoAt(Map<String, Object> in, Evaluated step, String stepName, String which, String url) {
        try (LocalRedis ignored = server(in, step, Map.of())) {
            Map<String, String> env = new LinkedHashMap<>(pythonEnv(step));
            env.put("REDIS_URL", url);
            return report("password rotation, " + stepName, "cache with " + which, Clients.python("cache", env));
        }
    }

    private static void assertRefused(Processes.Result result) {
        assertNotEquals(0, result.exitCode(), "the old password still logs in:\n" + result.output());
        assertTrue(result.output().contains("WRONGPASS") || result.output().contains("invalid username-password"), result.output());
    }

    @Test
    void celeryChecksFailOnABrokenCeleryBrokerUrl() throws Exception {
        Path original = Synthesized.get().module;
        Path withoutFix = doctoredModule(original, "withoutFix", "/1${local.celery_tls_query}", "/1");
        Path onDbZero = doctoredModule(original, "onDbZero", "/1${local.celery_tls_query}", "/0${local.celery_tls_query}");
        Map<String, Map<String, Object>> one = Map.of(DJANGO_TLS_AUTH, inputs.get(DJANGO_TLS_AUTH));
        Evaluated broken = ModuleEvaluation.evaluate(Terraform.get().orElseThrow(), withoutFix, one).get(DJANGO_TLS_AUTH);
        Evaluated dbZero = ModuleEvaluation.evaluate(Terraform.get().orElseThrow(), onDbZero, one).get(DJANGO_TLS_AUTH);
        try (LocalRedis ignored = server(DJANGO_TLS_AUTH, Map.of())) {
            Processes.Result plain = report("broken copy without ssl_cert_reqs", "celery", Clients.python("celery", pythonEnv(broken)));
            assertNotEquals(0, plain.exitCode(), plain.output());
            assertTrue(plain.output().contains("ssl_cert_reqs"), plain.output());
            Processes.Result separation = report("broken copy on DB 0", "cache-clear-keeps-queue",
                    Clients.python("cache-clear-keeps-queue", pythonEnv(dbZero)));
            assertNotEquals(0, separation.exitCode(), separation.output());
            assertTrue(separation.output().contains("cache.clear() removed the queued task"), separation.output());
        }
    }

    private Path doctoredModule(Path module, String name, String from, String to) throws Exception {
        Path copy = work.resolve("doctored-" + name);
        Directories.copy(module, copy);
        Path outputs = copy.resolve("outputs.tf");
        String text = Files.readString(outputs);
        String doctored = text.replace(from, to);
        assertNotEquals(text, doctored, "celery_broker_url expression not found");
        Files.writeString(outputs, doctored);
        return copy;
    }
}
