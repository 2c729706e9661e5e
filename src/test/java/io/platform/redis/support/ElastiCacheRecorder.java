package io.platform.redis.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;

/**
 * A local endpoint for the real AWS provider's ElastiCache client (the Query protocol: form-encoded POSTs, XML
 * answers) that records every request in the order it arrives.
 *
 * <p>It is a recorder, not an ElastiCache emulator. It answers only what the provider needs to finish an apply:
 * every Create and Modify succeeds; every object is "available"/"active" at once, so the provider's waiters return at
 * their first poll; a Describe returns the object's id, status and ARN and nothing else (one member cluster, no node
 * groups, no endpoints, no parameters), so the state the provider reads back is not realistic and is never used
 * again; a deleted object is
 * "not found" from then on. It does not check any ElastiCache rule (the wire check does that on the recorded calls,
 * {@code ElastiCacheRules}), keep configuration, model the maintenance window or pending changes, or serve any
 * other service. An action it does not know is answered with an error, so the apply fails and says which.
 *
 * <p>A request the AWS SDK sends again (a retry: the same {@code amz-sdk-invocation-id}, a later attempt) is answered
 * but recorded once: ElastiCache sees one operation, and a busy machine must not turn one call into two.
 */
public final class ElastiCacheRecorder implements AutoCloseable {
    private static final String NAMESPACE = "http://elasticache.amazonaws.com/doc/2015-02-02/";

    /** One request: its action and its parameters as sent (flattened Query keys such as UserGroupIdsToAdd.member.1). */
    public record Call(String action, Map<String, String> parameters) {
        /** The value of a parameter, or null. */
        public String get(String key) {
            return parameters.get(key);
        }

        /** The values of a list parameter (Key.member.1, Key.Item.1...), in order. */
        public List<String> list(String key) {
            return parameters.entrySet().stream().filter(e -> e.getKey().startsWith(key + ".")).map(Map.Entry::getValue).toList();
        }

        public boolean mutates() {
            return !action.startsWith("Describe") && !action.startsWith("List");
        }

        /** The parameter names it carries, first segments only (UserGroupIdsToAdd, not UserGroupIdsToAdd.member.1). */
        public Set<String> keys() {
            Set<String> keys = new java.util.TreeSet<>();
            parameters.keySet().forEach(k -> keys.add(k.split("\\.")[0]));
            keys.removeAll(Set.of("Action", "Version"));
            return keys;
        }
    }

    private final HttpServer server;
    private final List<Call> calls = Collections.synchronizedList(new ArrayList<>());
    private final Set<String> deleted = ConcurrentHashMap.newKeySet();
    /** The SDK's id of every operation seen: a retry carries the id of its first attempt. */
    private final Set<String> invocations = ConcurrentHashMap.newKeySet();
    private final List<String> retried = Collections.synchronizedList(new ArrayList<>());
    /** Every replication group a call named: each has one member cluster, "<id>-001", for the provider's member waiter. */
    private final Set<String> groups = ConcurrentHashMap.newKeySet();

    private ElastiCacheRecorder(HttpServer server) {
        this.server = server;
    }

    /** Starts on a free loopback port. */
    public static ElastiCacheRecorder start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            ElastiCacheRecorder recorder = new ElastiCacheRecorder(server);
            server.createContext("/", recorder::handle);
            server.setExecutor(Executors.newFixedThreadPool(8));
            server.start();
            return recorder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The actions of the requests that were retries of an operation already recorded. */
    public List<String> retried() {
        synchronized (retried) {
            return List.copyOf(retried);
        }
    }

    public List<Call> calls() {
        synchronized (calls) {
            return List.copyOf(calls);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        Map<String, String> parameters = new TreeMap<>();
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        for (String pair : body.split("&")) {
            if (!pair.isEmpty()) {
                int eq = pair.indexOf('=');
                String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                parameters.put(key, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        Call call = new Call(parameters.getOrDefault("Action", "?"), Collections.unmodifiableMap(parameters));
        String invocation = exchange.getRequestHeaders().getFirst("amz-sdk-invocation-id");
        if (invocation == null || invocations.add(invocation)) {
            calls.add(call);
        } else {
            retried.add(call.action());
        }
        String[] answer = answer(call);
        byte[] bytes = answer[1].getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/xml");
        exchange.sendResponseHeaders(Integer.parseInt(answer[0]), bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    /** {status, body}. */
    private String[] answer(Call call) {
        String action = call.action();
        String group = call.get("ReplicationGroupId");
        if (group != null) {
            groups.add(group);
        }
        String parameterGroup = call.get("CacheParameterGroupName");
        String subnetGroup = call.get("CacheSubnetGroupName");
        String user = call.get("UserId");
        String userGroup = call.get("UserGroupId");
        return switch (action) {
            case "CreateReplicationGroup", "ModifyReplicationGroup", "IncreaseReplicaCount", "DecreaseReplicaCount" -> {
                deleted.remove("rg/" + group); // a replacement deletes, then creates the same id
                yield ok(action, replicationGroup(group));
            }
            case "DeleteReplicationGroup" -> {
                deleted.add("rg/" + group);
                yield ok(action, replicationGroup(group));
            }
            case "DescribeReplicationGroups" -> deleted.contains("rg/" + group) ? notFound("ReplicationGroupNotFoundFault")
                    : ok(action, "<ReplicationGroups>" + replicationGroup(group) + "</ReplicationGroups>");
            case "DescribeCacheClusters" -> ok(action, "<CacheClusters>" + String.join("", groups.stream()
                    .map(id -> "<CacheCluster><CacheClusterId>" + id + "-001</CacheClusterId><CacheClusterStatus>available</CacheClusterStatus>"
                            + "</CacheCluster>").toList()) + "</CacheClusters>");
            case "CreateCacheParameterGroup" -> {
                deleted.remove("pg/" + parameterGroup);
                yield ok(action, parameterGroup(parameterGroup, call.get("CacheParameterGroupFamily")));
            }
            case "ModifyCacheParameterGroup", "ResetCacheParameterGroup" ->
                    ok(action, "<CacheParameterGroupName>" + parameterGroup + "</CacheParameterGroupName>");
            case "DeleteCacheParameterGroup" -> {
                deleted.add("pg/" + parameterGroup);
                yield ok(action, "");
            }
            case "DescribeCacheParameterGroups" -> deleted.contains("pg/" + parameterGroup) ? notFound("CacheParameterGroupNotFound")
                    : ok(action, "<CacheParameterGroups>" + parameterGroup(parameterGroup, "redis7") + "</CacheParameterGroups>");
            case "DescribeCacheParameters" -> ok(action, "<Parameters></Parameters>");
            case "CreateCacheSubnetGroup", "ModifyCacheSubnetGroup" -> {
                deleted.remove("sg/" + subnetGroup);
                yield ok(action, subnetGroup(subnetGroup));
            }
            case "DeleteCacheSubnetGroup" -> {
                deleted.add("sg/" + subnetGroup);
                yield ok(action, "");
            }
            case "DescribeCacheSubnetGroups" -> deleted.contains("sg/" + subnetGroup) ? notFound("CacheSubnetGroupNotFoundFault")
                    : ok(action, "<CacheSubnetGroups>" + subnetGroup(subnetGroup) + "</CacheSubnetGroups>");
            case "CreateUser", "ModifyUser" -> {
                deleted.remove("user/" + user);
                yield ok(action, userFields(user));
            }
            case "DeleteUser" -> {
                deleted.add("user/" + user);
                yield ok(action, userFields(user));
            }
            case "DescribeUsers" -> deleted.contains("user/" + user) ? notFound("UserNotFound")
                    : ok(action, "<Users><member>" + userFields(user) + "</member></Users>");
            case "CreateUserGroup", "ModifyUserGroup" -> {
                deleted.remove("usergroup/" + userGroup);
                yield ok(action, userGroupFields(userGroup));
            }
            case "DeleteUserGroup" -> {
                deleted.add("usergroup/" + userGroup);
                yield ok(action, userGroupFields(userGroup));
            }
            case "DescribeUserGroups" -> deleted.contains("usergroup/" + userGroup) ? notFound("UserGroupNotFound")
                    : ok(action, "<UserGroups><member>" + userGroupFields(userGroup) + "</member></UserGroups>");
            case "ListTagsForResource", "AddTagsToResource", "RemoveTagsFromResource" -> ok(action, "<TagList></TagList>");
            default -> new String[] {"400", error("InvalidAction", "the recorder does not answer " + action)};
        };
    }

    private static String arn(String kind, String id) {
        return "arn:aws:elasticache:eu-west-1:123456789012:" + kind + ":" + id;
    }

    private static String replicationGroup(String id) {
        return "<ReplicationGroup><ReplicationGroupId>" + id + "</ReplicationGroupId><Status>available</Status><ARN>"
                + arn("replicationgroup", id) + "</ARN><MemberClusters><ClusterId>" + id + "-001</ClusterId></MemberClusters></ReplicationGroup>";
    }

    private static String parameterGroup(String name, String family) {
        return "<CacheParameterGroup><CacheParameterGroupName>" + name + "</CacheParameterGroupName><CacheParameterGroupFamily>"
                + family + "</CacheParameterGroupFamily><ARN>" + arn("parametergroup", name) + "</ARN></CacheParameterGroup>";
    }

    private static String subnetGroup(String name) {
        return "<CacheSubnetGroup><CacheSubnetGroupName>" + name + "</CacheSubnetGroupName><ARN>" + arn("subnetgroup", name)
                + "</ARN></CacheSubnetGroup>";
    }

    private static String userFields(String id) {
        return "<UserId>" + id + "</UserId><Status>active</Status><ARN>" + arn("user", id) + "</ARN>";
    }

    private static String userGroupFields(String id) {
        return "<UserGroupId>" + id + "</UserGroupId><Status>active</Status><ARN>" + arn("usergroup", id) + "</ARN>";
    }

    private static String[] ok(String action, String result) {
        return new String[] {"200", "<" + action + "Response xmlns=\"" + NAMESPACE + "\"><" + action + "Result>" + result + "</" + action
                + "Result><ResponseMetadata><RequestId>recorded</RequestId></ResponseMetadata></" + action + "Response>"};
    }

    private static String[] notFound(String code) {
        return new String[] {"404", error(code, "not found (deleted in this apply)")};
    }

    private static String error(String code, String message) {
        return "<ErrorResponse xmlns=\"" + NAMESPACE + "\"><Error><Type>Sender</Type><Code>" + code + "</Code><Message>" + message
                + "</Message></Error><RequestId>recorded</RequestId></ErrorResponse>";
    }
}
