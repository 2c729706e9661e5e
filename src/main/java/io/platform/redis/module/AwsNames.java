package io.platform.redis.module;

import java.util.ArrayList;
import java.util.List;

/**
 * The AWS names the module gives what it creates, from the call's {@code name} and RBAC user names: one definition for
 * the module's resources (which pass {@code ${var.name}} and {@code ${each.key}}) and for the Java constructs, which
 * claim the names of literal inputs so that two clusters of one app and region never ask AWS for the same one.
 */
public final class AwsNames {
    private AwsNames() {
    }

    public static String defaultUserId(String name) {
        return name + "-default";
    }

    public static String userId(String name, String user) {
        return name + "-" + user;
    }

    public static String userGroupId(String name) {
        return name + "-users";
    }

    public static String userSecretName(String name, String user) {
        return name + "/redis-users/" + user;
    }

    /** The chat design's AUTH token secret, one per chat construct: {@code <base>/redis-auth}. */
    public static String chatAuthSecretName(String base) {
        return base + "/redis-auth";
    }

    /** A Secrets Manager secret name, labelled as the claims label it. */
    public static String secretClaim(String secretName) {
        return "Secrets Manager secret name \"" + secretName + "\"";
    }

    /** What a call named {@code name} with {@code users} asks AWS for, each labelled by its kind. */
    public static List<String> claimed(String name, Iterable<String> users) {
        List<String> names = new ArrayList<>(List.of("replication group id \"" + name + "\""));
        boolean rbac = users.iterator().hasNext();
        if (rbac) {
            names.add("ElastiCache user id \"" + defaultUserId(name) + "\"");
            names.add("ElastiCache user group id \"" + userGroupId(name) + "\"");
        }
        for (String user : users) {
            names.add("ElastiCache user id \"" + userId(name, user) + "\"");
            names.add(secretClaim(userSecretName(name, user)));
        }
        return names;
    }
}
