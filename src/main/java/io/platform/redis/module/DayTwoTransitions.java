package io.platform.redis.module;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Edits that ElastiCache accepts only in steps Terraform cannot take in one apply, and the memory that lets the module
 * see them at plan.
 *
 * <p>A transition is a change of what the running cluster has (TLS, its mode, an AUTH token, RBAC), so it can only be
 * seen against what was applied before. A plan cannot read a prior value of an input, but it can see which resources
 * are new: the module keeps one {@code terraform_data.running_cluster} instance per fact ("tls=on", "auth_token=off"),
 * each holding the {@code plantimestamp()} of the plan that created it ({@code ignore_changes}, so it never changes).
 * A fact whose instance holds this plan's timestamp turned true in this plan; for a two-valued fact that also says
 * what it was. The "cluster" instance is renewed with every input that replaces the cluster (and created by the first
 * plan after an upgrade from a release without the memory): when it is new, nothing is a transition.
 *
 * <p>Each refusal is written once: its HCL condition (a precondition of the replication group), its Java check (the
 * main command compares a stack file with the stack it last synthesized) and the message naming the safe procedure.
 */
public final class DayTwoTransitions {
    private DayTwoTransitions() {
    }

    /** One fact of the running cluster: a dimension and its value, in HCL and from Java input values. */
    public record Fact(String dimension, String hclValue, Function<VariableValues, String> value) {
    }

    /** What turned: "dimension=value" for a fact that is new in this plan (on a cluster that is not). */
    public record Transition(String name, List<String> turned, List<String> notTurned, String hclInput,
                             Predicate<VariableValues> input, String message) {

        /** The precondition's condition: true when this transition is not happening. */
        public String hclCondition() {
            List<String> parts = new ArrayList<>();
            turned.forEach(fact -> parts.add(hclTurned(fact)));
            notTurned.forEach(fact -> parts.add("!" + hclTurned(fact)));
            if (hclInput != null) {
                parts.add(hclInput);
            }
            return "!(" + String.join(" && ", parts) + ")";
        }

        /** Whether it happens between two sets of input values, by the same facts. */
        public boolean happens(Set<String> turnedFacts, VariableValues after) {
            return turned.stream().allMatch(fact -> matches(turnedFacts, fact))
                    && notTurned.stream().noneMatch(fact -> matches(turnedFacts, fact))
                    && (input == null || input.test(after));
        }

        private static boolean matches(Set<String> turnedFacts, String fact) {
            return fact.contains("=") ? turnedFacts.contains(fact) : turnedFacts.stream().anyMatch(f -> f.startsWith(fact + "="));
        }

        private static String hclTurned(String fact) {
            return fact.contains("=") ? "contains(local.turned_facts, \"" + fact + "\")" : "contains(local.turned_dimensions, \"" + fact + "\")";
        }
    }

    /** The security group's default description, for the fact that sees it change. */
    static final String SECURITY_GROUP_DESCRIPTION_HCL =
            "coalesce(var.security_group_description, \"Redis ${var.name}: ingress only from allowed security groups and CIDR blocks\")";

    /** Whether the security group has a fixed name: then a replacement (new description) collides with the old group. */
    private static boolean fixedNameGroup(VariableValues in) {
        return in.bool(RedisVariables.CREATE_SECURITY_GROUP) && !in.bool(RedisVariables.SECURITY_GROUP_USE_NAME_PREFIX);
    }

    private static boolean tlsRequired(VariableValues in) {
        return in.bool(RedisVariables.TRANSIT_ENCRYPTION_ENABLED)
                && Objects.requireNonNullElse(in.string(RedisVariables.TRANSIT_ENCRYPTION_MODE), "required").equals("required");
    }

    private static String onOff(boolean on) {
        return on ? "on" : "off";
    }

    /** The facts always kept; the security group's two only while the module creates it with a fixed name. */
    public static final List<Fact> FACTS = List.of(
            new Fact("tls", "var.transit_encryption_enabled ? \"on\" : \"off\"", in -> onOff(in.bool(RedisVariables.TRANSIT_ENCRYPTION_ENABLED))),
            new Fact("tls_required", "local.tls_required ? \"yes\" : \"no\"", in -> tlsRequired(in) ? "yes" : "no"),
            new Fact(RedisVariables.AUTH_TOKEN.name(), "var.auth_token_enabled ? \"on\" : \"off\"", in -> onOff(in.bool(RedisVariables.AUTH_TOKEN_ENABLED))),
            new Fact("rbac", "length(var.user_group_ids) + length(var.rbac_users) > 0 ? \"on\" : \"off\"",
                    in -> onOff(!in.list(RedisVariables.USER_GROUP_IDS).isEmpty() || !in.map(RedisVariables.RBAC_USERS).isEmpty())),
            // Not refused: an engine upgrade to another family or a new description replaces the group, which the cluster must leave at once.
            new Fact("parameter_group", "var.create_parameter_group ? \"${local.parameter_group_family}${local.parameter_group_suffix}\" : \"given\"", in -> null));

    public static final List<Fact> SECURITY_GROUP_FACTS = List.of(
            new Fact("sg_name", "local.security_group_name", in -> fixedNameGroup(in) ? Objects.requireNonNullElse(
                    in.string(RedisVariables.SECURITY_GROUP_NAME), in.string(RedisVariables.NAME) + "-redis") : null),
            new Fact("sg_description", "substr(sha1(" + SECURITY_GROUP_DESCRIPTION_HCL + "), 0, 16)",
                    in -> fixedNameGroup(in) ? Objects.requireNonNullElse(in.string(RedisVariables.SECURITY_GROUP_DESCRIPTION), "(default)") : null));

    public static final List<Transition> REFUSED = List.of(
            new Transition("AUTH token removed", List.of("auth_token=off"), List.of("rbac=on"), null, null,
                    "auth_token_enabled true -> false: ElastiCache cannot remove an AUTH token in place "
                            + "(AuthTokenUpdateStrategy DELETE is accepted only together with a user group, a move to RBAC). Move to "
                            + "rbac_users instead, or create a new cluster without AUTH from a snapshot (module README, Day two: "
                            + "\"AUTH token to RBAC\", \"Restore\")."),
            new Transition("AUTH token to RBAC", List.of("auth_token=off", "rbac=on"), List.of(), null, null,
                    "auth_token_enabled -> rbac_users/user_group_ids: ElastiCache needs the user group and "
                            + "AuthTokenUpdateStrategy=DELETE in one ModifyReplicationGroup call, which the AWS provider 5.x splits in "
                            + "two (the first is refused). Three steps (module README, Day two: \"AUTH token to RBAC\"): apply with "
                            + "-target on the users, the user group and terraform_data.running_cluster; run aws elasticache "
                            + "modify-replication-group --user-group-ids-to-add <group> --auth-token-update-strategy DELETE "
                            + "--apply-immediately; then apply."),
            new Transition("RBAC to AUTH token", List.of("rbac=off", "auth_token=on"), List.of(), null, null,
                    "rbac_users/user_group_ids -> auth_token_enabled: the AWS provider removes the user "
                            + "groups and adds the token in two calls, and between them the cluster takes clients without any "
                            + "password. Do it in one AWS CLI call (module README, Day two: \"RBAC to AUTH token\"): aws elasticache "
                            + "modify-replication-group --remove-user-groups --auth-token <token> --auth-token-update-strategy ROTATE "
                            + "--apply-immediately, then apply."),
            new Transition("TLS on without the preferred step", List.of("tls=on"), List.of(),
                    "var.transit_encryption_mode != \"preferred\"",
                    in -> !"preferred".equals(in.string(RedisVariables.TRANSIT_ENCRYPTION_MODE)),
                    "transit_encryption_enabled false -> true: ElastiCache turns TLS on only with "
                            + "TransitEncryptionMode=preferred in the same call. Apply with transit_encryption_mode = \"preferred\" "
                            + "(TLS and plain clients both served), move every client to rediss://, then set it to \"required\" "
                            + "(or unset) and apply again."),
            new Transition("TLS off from required", List.of("tls=off", "tls_required=no"), List.of(), null, null,
                    "transit_encryption_enabled true -> false while TLS is required: ElastiCache turns TLS off only "
                            + "from TransitEncryptionMode=preferred. Apply with transit_encryption_mode = \"preferred\" first, move "
                            + "the clients to redis://, then turn TLS off."),
            new Transition("security group replaced under the same name", List.of("sg_description"), List.of("sg_name"), null, null,
                    "security_group_description changed while the security group has a fixed name: the new group is "
                            + "created before the old one goes, and AWS refuses a second group of the same name in the VPC "
                            + "(InvalidGroup.Duplicate). Set security_group_use_name_prefix = true, or a new security_group_name, "
                            + "in the same edit."));

    /** The HCL of the facts map (dimension -> value) of this cluster's inputs. */
    public static String hclFacts() {
        return "merge({ " + String.join(", ", FACTS.stream().map(f -> f.dimension() + " = " + f.hclValue()).toList())
                + " }, var.create_security_group && !var.security_group_use_name_prefix ? { "
                + String.join(", ", SECURITY_GROUP_FACTS.stream().map(f -> f.dimension() + " = " + f.hclValue()).toList()) + " } : {})";
    }

    /** How many instances the memory has for these inputs: "cluster" and one per fact the module keeps. */
    public static int memoryInstances(VariableValues in) {
        return 1 + FACTS.size() + (fixedNameGroup(in) ? SECURITY_GROUP_FACTS.size() : 0);
    }

    /** The facts of one set of input values, as "dimension=value" (the Java side of {@link #hclFacts}). */
    public static Map<String, String> facts(VariableValues in) {
        Map<String, String> facts = new LinkedHashMap<>();
        for (List<Fact> group : List.of(FACTS, SECURITY_GROUP_FACTS)) {
            for (Fact fact : group) {
                String value = fact.value().apply(in);
                if (value != null) {
                    facts.put(fact.dimension(), value);
                }
            }
        }
        return facts;
    }

    /** The facts that turned between two sets of input values of one running cluster. */
    public static Set<String> turned(VariableValues before, VariableValues after) {
        Map<String, String> was = facts(before);
        Set<String> turned = new LinkedHashSet<>();
        facts(after).forEach((dimension, value) -> {
            if (!value.equals(was.get(dimension))) {
                turned.add(dimension + "=" + value);
            }
        });
        return turned;
    }

    /** The refused transitions between two sets of input values of one running cluster. */
    public static List<Transition> refused(VariableValues before, VariableValues after) {
        Set<String> turned = turned(before, after);
        return REFUSED.stream().filter(t -> t.happens(turned, after)).toList();
    }
}
