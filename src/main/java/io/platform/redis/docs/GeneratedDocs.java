package io.platform.redis.docs;

import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.config.StackFile;
import io.platform.redis.cost.CostReport;
import io.platform.redis.module.CrossRule;
import io.platform.redis.module.Hcl;
import io.platform.redis.module.ModuleTests;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Rule;
import io.platform.redis.module.Variable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The docs/ pages generated from the catalogs, so they cannot drift from the code: the stack file reference, the
 * table of every rejected input with its rule, message and the test that proves it, and the stacks' cost estimate.
 */
public final class GeneratedDocs {
    private GeneratedDocs() {
    }

    /** Stack-file checks that are not rules of one variable: what is rejected, the message, the test. */
    public record FileCheck(String input, String message, String test) {
    }

    public static final List<FileCheck> FILE_CHECKS = List.of(
            new FileCheck("malformed YAML or JSON", "`<file>:<line>: not valid YAML/JSON: <parser's reason>`",
                    "StackFileValidationTest.malformedYamlNamesTheLine"),
            new FileCheck("empty file", "`<file>: must be a map with the keys stack, region, backend and redis or chat, but the file is empty`",
                    "StackFileValidationTest.anEmptyFileAndABadBackendAreExplained"),
            new FileCheck("unknown key (typo)", "`<file>:<line>: redis.num_cache_cluster: unknown key; did you mean \"num_cache_clusters\"?`",
                    "StackFileValidationTest.threeMistakesAreReportedTogetherWithFileLineKeyValueAndRule"),
            new FileCheck("key given twice", "`<file>:<line>: redis.port: appears twice (first on line <n>)`",
                    "StackFileValidationTest.duplicateKeysAndDuplicateStackNamesAreRejected"),
            new FileCheck("wrong type (`\"2\"` for a number, `maybe` for a bool, a string for a list)",
                    "`redis.num_cache_clusters: must be a whole number, got string \"2\"`",
                    "StackFileValidationTest.wrongTypesAndMissingKeysAreNamed"),
            new FileCheck("missing required key", "`redis.node_type: is required: <description>`",
                    "StackFileValidationTest.wrongTypesAndMissingKeysAreNamed"),
            new FileCheck("two files with one stack name", "`<file>: stack: \"dev\" is already the stack name in <other file>`",
                    "StackFileValidationTest.duplicateKeysAndDuplicateStackNamesAreRejected"),
            new FileCheck("two files whose clusters ask AWS for one name in one region (replication group, RBAC user or group id, secret)",
                    "`<file>:<line>: redis.name: replication group id \"orders\" is asked for by <other file> too, in region eu-west-1; ...`",
                    "StackFileValidationTest.twoStackFilesThatAskAwsForOneNameInOneRegionAreRefused"),
            new FileCheck("`stacks/` missing or without stack files", "`stacks: folder not found` / `stacks: holds no stack file`",
                    "StackFileValidationTest.anEmptyOrMissingStacksFolderIsAnError"),
            new FileCheck("both or neither of `redis` and `chat`", "`<file>:1: needs exactly one of \"redis\" ... or \"chat\" ...`",
                    "StackFileValidationTest.aStackFileDeploysExactlyOneOfRedisOrChat"),
            new FileCheck("incomplete backend, absolute or `..` local state path",
                    "`backend.s3.key: is required` / `backend.local.path: ... must be a relative path inside the stack folder`",
                    "StackFileValidationTest.anEmptyFileAndABadBackendAreExplained"),
            new FileCheck("chat: a mode's keys missing", "`chat.redis_state_node_type: is required in split mode (enable_redis_split: true)`",
                    "StackFileValidationTest.chatModesNeedTheirOwnKeys"),
            new FileCheck("chat: a cluster breaks a module rule", "`chat.redis_num_cache_nodes, chat.redis_node_type: redis cluster: automatic_failover_enabled is not supported on T1 and T2 node types`",
                    "StackFileValidationTest.chatClustersAreCheckedAgainstTheModuleRules"),
            new FileCheck("`allow_replacement` naming a key that cannot replace a cluster",
                    "`<file>:<line>: allow_replacement: \"prot\": not a key whose change can replace a cluster; did you mean \"port\"?`",
                    "StackFileValidationTest.allowReplacementNamesKeysThatExist"),
            new FileCheck("an edit that replaces a running prod cluster (against the last synthesized stack)",
                    "`... port 6379 -> 6380: replaces the cluster: its data is lost ... to accept it: allow_replacement: [port] in <file>` (exit 1, nothing written)",
                    "MainCommandTest.anEditThatReplacesAProdClusterIsRefusedUntilTheStackFileAcceptsIt"),
            new FileCheck("a sensitive value that breaks a rule", "`redis.auth_token: (sensitive value hidden): must be ...` (never echoed)",
                    "StackFileValidationTest.aSensitiveValueIsNeverEchoed"));

    /** docs/ files by name, for the project's stack files. */
    public static Map<String, String> files(List<StackFile> stacks) {
        Map<String, String> files = new LinkedHashMap<>();
        files.put("stack-files.md", stackFiles());
        files.put("validation.md", validation());
        files.put("cost.md", CostReport.markdown(stacks));
        files.put("change-safety.md", ChangeSafetyDoc.markdown());
        for (String guide : GUIDES) {
            files.put(guide, guide(guide));
        }
        return files;
    }

    /** The hand-written guides, by audience: kept in src/main/resources/guides/, copied into docs/ with the release. */
    static final List<String> GUIDES = List.of("java.md", "operations.md", "chat.md", "development.md", "speed.md");

    static String guide(String name) {
        try (java.io.InputStream in = GeneratedDocs.class.getResourceAsStream("/guides/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /guides/" + name);
            }
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            int title = text.indexOf('\n');
            return text.substring(0, title + 1) + "\n<!-- Written by hand in src/main/resources/guides/" + name
                    + "; the main command copies it here with the release filled in. -->\n"
                    + text.substring(title + 1).replace("<!-- release -->", io.platform.redis.module.Release.VERSION);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String stackFiles() {
        return """
                # Stack files

                <!-- Generated by the main command from the Java catalogs; do not edit. -->

                One file per environment in `stacks/` (`.yaml`, `.yml` or `.json`). Top-level keys:

                | key | required | meaning |
                |-----|----------|---------|
                | `stack` | yes | stack name: 1-63 lowercase letters, digits, hyphens; unique; its folder under `cdktf.out/stacks` |
                | `region` | yes | AWS region of the provider, e.g. `eu-west-1` |
                | `backend` | no | exactly one of `local: {path}` (relative path; default `terraform.<stack>.tfstate`) or `s3: {bucket, key, region, encrypt (default true), use_lockfile, dynamodb_table}`: `use_lockfile: true` locks the state with an S3 lock object; `dynamodb_table` is deprecated by Terraform 1.11 |
                | `redis` | one of `redis`, `chat` | the Redis module's variables, by their Terraform names: see [the module's inputs](../modules/redis/README.md#inputs) |
                | `chat` | one of `redis`, `chat` | the chat app's Redis: see below |
                | `allow_replacement` | no | keys whose edit may replace a running prod cluster, e.g. `[port]`: `build/synth` refuses such an edit otherwise (see [change-safety.md](change-safety.md)) |

                ## chat

                """ + table(ChatVariables.ALL) + "\n";
    }

    static String validation() {
        StringBuilder out = new StringBuilder("""
                # Rejected inputs

                <!-- Generated by the main command from the Java catalogs; do not edit. -->

                Every input the project rejects, the rule and the message. Stack files are checked at synth time
                (all problems at once, with file, line and key; nothing is written). The module's own variables are
                checked again by Terraform for HCL users: rules on one variable are `validation` blocks, rules over
                several are preconditions on the replication group. Each row has a test: for module rules,
                `StackFileValidationTest.javaRejectsEveryBadExampleTheModuleRejects` (Java) and the run named in the table, in
                `modules/redis/tests/validation.tftest.hcl` (Terraform), both feed the bad example (a variable's k-th rules
                share one run: each validation names its variable).

                ## Module variables (`redis.<key>` in stack files, the variable in HCL)

                | key | rejected example | message | test run |
                |-----|------------------|---------|----------|
                """);
        var cases = ModuleTests.cases().iterator();
        for (Variable variable : RedisVariables.ALL) {
            for (Rule rule : variable.rules()) {
                out.append("| ").append(variable.name()).append(" | `").append(cell(Hcl.literal(rule.badExample())))
                        .append("` | must be ").append(cell(rule.rule())).append(" | ").append(cases.next().run()).append(" |\n");
            }
        }
        out.append("""

                ## Rules over several variables (preconditions)

                | rejected combination | message | test run |
                |----------------------|---------|----------|
                """);
        for (CrossRule rule : RedisVariables.preconditions()) {
            String example = rule.badExample().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + " = " + Hcl.literal(e.getValue())).collect(Collectors.joining(", "));
            out.append("| `").append(cell(example)).append("` | ").append(cell(rule.rule())).append(" | ")
                    .append(cases.next().run()).append(" |\n");
        }
        out.append("""

                ## Chat options (`chat.<key>`)

                | key | rejected example | message |
                |-----|------------------|---------|
                """);
        for (Variable variable : ChatVariables.ALL) {
            for (Rule rule : variable.rules()) {
                out.append("| ").append(variable.name()).append(" | `").append(cell(Hcl.literal(rule.badExample())))
                        .append("` | must be ").append(cell(rule.rule())).append(" |\n");
            }
        }
        out.append("\nTest: `StackFileValidationTest.javaRejectsEveryChatBadExample`.\n");
        out.append("""

                ## Stack files

                | rejected input | message | test |
                |----------------|---------|------|
                """);
        for (FileCheck check : FILE_CHECKS) {
            out.append("| ").append(check.input()).append(" | ").append(check.message()).append(" | ")
                    .append(check.test()).append(" |\n");
        }
        return out.toString();
    }

    private static String table(List<Variable> catalog) {
        return "| key | type | default | description |\n|-----|------|---------|-------------|\n"
                + catalog.stream().map(v -> "| `" + v.name() + "` | " + v.type().hcl() + " | "
                        + (v.required() ? "required" : "`" + Hcl.literal(v.defaultValue()) + "`") + " | "
                        + cell(v.description()) + " |").collect(Collectors.joining("\n"));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
