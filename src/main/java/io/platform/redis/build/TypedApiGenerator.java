package io.platform.redis.build;

import io.platform.redis.checks.ConfigChecks;
import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.module.Hcl;
import io.platform.redis.module.ModuleOutput;
import io.platform.redis.module.RedisOutputs;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
import io.platform.redis.module.VariableType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the typed Java API from the catalogs, the way {@code cdktf get} writes a module's bindings: a config class
 * with one typed, documented setter per variable ({@code RedisModuleConfig}, {@code ChatRedisConfig}) and one
 * getter per module output ({@code RedisModuleOutputs}). The Maven build regenerates them ({@link #main}, after the
 * catalogs are compiled); they are committed so that an IDE, a reader and the Javadoc see them before any build, and a
 * test fails when the committed copy drifts, so a variable or output is declared once, in {@link RedisVariables},
 * {@link ChatVariables} or {@link RedisOutputs}.
 */
public final class TypedApiGenerator {
    static final String SOURCES = "src/main/java/";

    private TypedApiGenerator() {
    }

    /**
     * Run by Maven once the classes are compiled ({@code process-classes}): writes the typed API sources that differ
     * from what the catalogs generate and then fails the build, so that the next build compiles them (the classes
     * compiled this time were built from the old sources). Nothing differs on a clean checkout: a no-op.
     *
     * @param args the project folder
     */
    public static void main(String[] args) throws java.io.IOException {
        java.nio.file.Path project = java.nio.file.Path.of(args.length > 0 ? args[0] : ".");
        List<String> changed = new java.util.ArrayList<>();
        for (var file : files().entrySet()) {
            java.nio.file.Path path = project.resolve(file.getKey());
            if (!java.nio.file.Files.isRegularFile(path) || !java.nio.file.Files.readString(path).equals(file.getValue())) {
                java.nio.file.Files.writeString(path, file.getValue());
                changed.add(file.getKey());
            }
        }
        if (!changed.isEmpty()) {
            throw new IllegalStateException("the typed API was regenerated from the catalogs: " + changed
                    + "; build again to compile it, and commit it");
        }
    }

    /** The generated files, by path relative to the project. */
    public static Map<String, String> files() {
        Map<String, String> files = new LinkedHashMap<>();
        files.put(SOURCES + "io/platform/redis/RedisModuleConfig.java", config("io.platform.redis", "RedisModuleConfig",
                "import io.platform.redis.checks.ConfigChecks;\n", "ConfigChecks.redisModule(%s)", "",
                "The inputs of one call of the Redis module ({@code modules/redis}): one typed setter per module variable, "
                        + "named in camelCase after it.\n * Setters take literals or cdktf tokens (an id from another resource); "
                        + "{@link Builder#build()} checks every rule the module\n * enforces and reports all problems at once, "
                        + "leaving values that are still tokens to the module's own checks at plan.",
                "RedisVariables", RedisVariables.ALL, true));
        files.put(SOURCES + "io/platform/redis/chat/ChatRedisConfig.java", config("io.platform.redis.chat", "ChatRedisConfig",
                "import io.platform.redis.InvalidConfigException;\nimport io.platform.redis.checks.ConfigChecks;\nimport io.platform.redis.chatdesign.ChatChecks;\nimport io.platform.redis.chatdesign.ChatSettings;\n", "ChatChecks.settings(%s)",
                "\n    /** The options as the chat classes read them, every default filled in. */\n"
                        + "    ChatSettings settings() {\n        return ChatSettings.ofCheckedValues(values);\n    }\n",
                "The options of the chat app's Redis design (single or split clusters, AUTH token in Secrets Manager), named "
                        + "after the design's own\n * configuration keys, plus the network placement. {@link Builder#build()} "
                        + "checks every option and every module rule of the\n * clusters they make, and reports all problems at once.",
                "ChatVariables", ChatVariables.ALL, false));
        files.put(SOURCES + "io/platform/redis/RedisModuleOutputs.java", outputs());
        return files;
    }

    /**
     * A typed config class. With {@code booleanTokens} the boolean setters also take an {@code IResolvable} (a value
     * known at plan); the chat design's one boolean decides how many clusters the construct makes, so it must be known
     * at synth.
     */
    private static String config(String pkg, String className, String imports, String check, String internals,
                                 String summary, String catalog, List<Variable> variables,
                                 boolean booleanTokens) {
        StringBuilder out = new StringBuilder();
        out.append("// Generated by the main command from ").append(catalog).append(".java; do not edit.\n")
                .append("package ").append(pkg).append(";\n\n")
                .append(booleanTokens ? "import com.hashicorp.cdktf.IResolvable;\n" : "")
                .append(imports)
                .append("import java.util.Collections;\n")
                .append("import java.util.LinkedHashMap;\n")
                .append("import java.util.List;\n")
                .append("import java.util.Map;\n\n")
                .append("/**\n * ").append(summary).append("\n */\n")
                .append("@SuppressWarnings(\"unused\")\n")
                .append("public final class ").append(className).append(" {\n")
                .append("    private final Map<String, Object> values;\n\n")
                .append("    private ").append(className).append("(Map<String, Object> values) {\n")
                .append("        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));\n")
                .append("    }\n\n")
                .append("    /** The values, checked by the one engine of the typed configurations and the stack files: every problem at once. */\n")
                .append("    private static Map<String, Object> checked(Map<String, Object> values) {\n")
                .append("        ConfigChecks.Checked checked = ").append(check.formatted("values")).append(";\n")
                .append("        if (!checked.problems().isEmpty()) {\n")
                .append("            throw new InvalidConfigException(\"").append(className).append("\", checked.problems().stream()\n")
                .append("                    .map(problem -> new InvalidConfigException.Problem(problem.inputs(), problem.text())).toList());\n")
                .append("        }\n")
                .append("        return checked.values();\n")
                .append("    }\n\n")
                .append("    /** A builder with nothing set: every variable left unset keeps its default. */\n")
                .append("    public static Builder builder() {\n")
                .append("        return new Builder();\n")
                .append("    }\n\n")
                .append("    /** From values keyed by their Terraform names (stack files), checked like {@link Builder#build()}. */\n")
                .append("    public static ").append(className).append(" fromVariables(Map<String, Object> variables) {\n")
                .append("        return new ").append(className).append("(checked(variables));\n")
                .append("    }\n\n")
                .append("    /** The values set, by Terraform name, in the order they were set. */\n")
                .append("    public Map<String, Object> variables() {\n")
                .append("        return values;\n")
                .append("    }\n")
                .append(internals);
        for (Variable variable : variables) {
            String javaName = ConfigChecks.javaName(variable.name());
            String type = javaType(variable.type());
            String unset = variable.required() ? "never null: it is required"
                    : variable.defaultValue() == null ? "null when not set (the module then leaves it unset)"
                    : "null when not set (the module's default then applies: " + Hcl.literal(variable.defaultValue()) + ")";
            boolean booleanToken = booleanTokens && variable.type() == VariableType.BOOL;
            if (booleanToken) {
                unset += ", or when given as a token (IResolvable)";
            }
            out.append("\n    /** The {@code ").append(variable.name()).append("} value set (a literal or a cdktf token); ")
                    .append(unset).append(". */\n")
                    .append(type.startsWith("List") || type.startsWith("Map") ? "    @SuppressWarnings(\"unchecked\")\n" : "")
                    .append("    public ").append(type).append(" get").append(Character.toUpperCase(javaName.charAt(0)))
                    .append(javaName.substring(1)).append("() {\n")
                    .append(booleanToken
                            ? "        return values.get(\"" + variable.name() + "\") instanceof Boolean value ? value : null;\n"
                            : "        return (" + type + ") values.get(\"" + variable.name() + "\");\n")
                    .append("    }\n");
        }
        out.append("\n    /** Sets one value at a time; {@link #build()} checks them all. */\n")
                .append("    public static final class Builder {\n")
                .append("        private final Map<String, Object> values = new LinkedHashMap<>();\n\n")
                .append("        private Builder() {\n")
                .append("        }\n");
        for (Variable variable : variables) {
            String javaName = ConfigChecks.javaName(variable.name());
            out.append("\n        /**\n")
                    .append(javadoc(variable.description(), "         * "))
                    .append("         *\n")
                    .append("         * <p>Terraform variable {@code ").append(variable.name()).append("} (")
                    .append(variable.type().hcl()).append(")")
                    .append(variable.required() ? "; required" : "")
                    .append(variable.sensitive() ? "; sensitive, never shown in errors" : "").append(".\n")
                    .append("         */\n")
                    .append("        public Builder ").append(javaName).append("(").append(javaType(variable.type())).append(" ")
                    .append(javaName).append(") {\n")
                    .append("            values.put(\"").append(variable.name()).append("\", ").append(javaName).append(");\n")
                    .append("            return this;\n")
                    .append("        }\n");
            if (booleanTokens && variable.type() == VariableType.BOOL) {
                out.append("\n        /**\n")
                        .append("         * {@link #").append(javaName).append("(Boolean)} with a boolean known only at plan: a {@code TerraformVariable}'s\n")
                        .append("         * value or another resource's attribute, as cdktf passes booleans ({@code IResolvable}). Its rules are then the\n")
                        .append("         * module's, at plan; {@code get").append(Character.toUpperCase(javaName.charAt(0))).append(javaName.substring(1))
                        .append("()} returns null.\n")
                        .append("         */\n")
                        .append("        public Builder ").append(javaName).append("(IResolvable ").append(javaName).append(") {\n")
                        .append("            values.put(\"").append(variable.name()).append("\", ").append(javaName).append(");\n")
                        .append("            return this;\n")
                        .append("        }\n");
            }
        }
        out.append("\n        /** The values set so far, unchecked, by Terraform name: for a caller that reports problems itself. */\n")
                .append("        public Map<String, Object> variables() {\n")
                .append("            return Collections.unmodifiableMap(new LinkedHashMap<>(values));\n")
                .append("        }\n\n")
                .append("        /** Checks every rule; throws one InvalidConfigException that lists all problems. */\n")
                .append("        public ").append(className).append(" build() {\n")
                .append("            return new ").append(className).append("(checked(values));\n")
                .append("        }\n")
                .append("    }\n")
                .append("}\n");
        return out.toString();
    }

    private static String outputs() {
        StringBuilder out = new StringBuilder();
        out.append("// Generated by the main command from RedisOutputs.java; do not edit.\n")
                .append("package io.platform.redis;\n\n")
                .append("import com.hashicorp.cdktf.Fn;\n")
                .append("import com.hashicorp.cdktf.TerraformHclModule;\n")
                .append("import com.hashicorp.cdktf.TerraformOutput;\n")
                .append("import com.hashicorp.cdktf.Token;\n")
                .append("import io.platform.redis.checks.ConfigChecks;\n")
                .append("import io.platform.redis.construct.StackLedger;\n")
                .append("import java.util.LinkedHashMap;\n")
                .append("import java.util.List;\n")
                .append("import java.util.Map;\n")
                .append("import software.constructs.Construct;\n\n")
                .append("""
                        /**
                         * The Redis module's outputs as typed getters, named in camelCase after them, for {@code TerraformOutput}, other
                         * resources or {@code Fn} calls. The getters marked {@link Sensitive} return secrets: Terraform refuses a plan
                         * whose output shows one unless that output is sensitive too; {@link #exportOutputs} exports them all with the
                         * module's sensitivity.
                         *
                         * <p>At synth every getter returns a <em>token</em>: a placeholder that cdktf writes as a reference to the
                         * module's output, whose value exists only at plan or apply. A string token is text like
                         * {@code ${TfToken[TOKEN.12]}}, a number token a large negative number, a list token a list of one placeholder
                         * (its Java {@code size()} is 1, whatever the members are), a map token a map with one placeholder key (its
                         * {@code get("django")} is null). Pass tokens on, never compare or parse them in Java: read one entry of a map
                         * output with its accessor ({@code getUserSecretArn("django")}) and one element of a list with
                         * {@code Fn.element(list, i)}, which Terraform evaluates.
                         */
                        """)
                .append("public interface RedisModuleOutputs {\n")
                .append("    /** The module call. */\n")
                .append("    TerraformHclModule getModule();\n");
        for (ModuleOutput output : RedisOutputs.ALL) {
            String getter = "get" + Character.toUpperCase(ConfigChecks.javaName(output.name()).charAt(0))
                    + ConfigChecks.javaName(output.name()).substring(1);
            String read = switch (output.type()) {
                case STRING -> "Token.asString(getModule().get(\"" + output.name() + "\"))";
                case NUMBER -> "Token.asNumber(getModule().get(\"" + output.name() + "\"))";
                case STRING_LIST -> "Token.asList(getModule().get(\"" + output.name() + "\"))";
                case STRING_MAP -> "Token.asStringMap(getModule().get(\"" + output.name() + "\"))";
                default -> throw new IllegalStateException("no getter for output type " + output.type());
            };
            String token = switch (output.type()) {
                case STRING_LIST -> " A list token: read an element with {@code Fn.element}, its length with {@code Fn.lengthOf}.";
                case STRING_MAP -> output.key() == null ? " A map token: read an entry with {@code Fn.lookup}."
                        : " A map token: read one " + output.key() + "'s entry with {@link #" + getter.substring(0, getter.length() - 1) + "(String)}.";
                default -> "";
            };
            out.append("\n    /**\n").append(javadoc(output.description() + token, "     * ")).append("     *\n")
                    .append("     * <p>Module output {@code ").append(output.name()).append("}").append(output.sensitive() ? " (sensitive)" : "")
                    .append(".\n     */\n")
                    .append(output.sensitive() ? "    @Sensitive\n" : "")
                    .append("    default ").append(javaType(output.type())).append(" ").append(getter).append("() {\n")
                    .append("        return ").append(read).append(";\n")
                    .append("    }\n");
            if (output.key() != null) {
                String key = output.key();
                out.append("\n    /**\n")
                        .append("     * One entry of {@code ").append(output.name()).append("}: the value for {@code ").append(key)
                        .append("}, a token Terraform resolves (cdktf writes {@code module.<id>.").append(output.name()).append("[\"<")
                        .append(key).append(">\"]}), not an entry of a Java map of tokens.\n")
                        .append("     *\n")
                        .append("     * @param ").append(key).append(" a key of {@code ").append(output.keysFrom().name())
                        .append("}; when those are known at synth, another name fails here, naming them\n")
                        .append("     */\n")
                        .append(output.sensitive() ? "    @Sensitive\n" : "")
                        .append("    default String ").append(getter, 0, getter.length() - 1).append("(String ").append(key).append(") {\n")
                        .append("        return Token.asString(Fn.lookup(getModule().get(\"").append(output.name()).append("\"), ConfigChecks.outputKey(getModule(), \"")
                        .append(output.name()).append("\", \"").append(output.keysFrom().name()).append("\", ").append(key).append(")));\n")
                        .append("    }\n");
            }
        }
        out.append("""

                    /**
                     * Exports every output of this module call as a {@code TerraformOutput} of {@code scope} named
                     * {@code prefix + <output name>} ({@code "cache_"} gives {@code cache_redis_url}), sensitive exactly where the
                     * module's output is, with its description.
                     *
                     * @param prefix letters, digits, underscores or hyphens; {@code ""} keeps the module's names
                     * @return the outputs, by the module's output name
                     */
                    default Map<String, TerraformOutput> exportOutputs(Construct scope, String prefix) {
                        Map<String, TerraformOutput> outputs = new LinkedHashMap<>();
                        java.util.function.Function<String, Object> value = StackLedger.moduleOutputs(scope, getModule());
                """);
        for (ModuleOutput output : RedisOutputs.ALL) {
            out.append("        outputs.put(\"").append(output.name()).append("\", export(scope, prefix + \"").append(output.name())
                    .append("\", value.apply(\"").append(output.name()).append("\"), ").append(output.sensitive()).append(", \"")
                    .append(output.description().replace("\\", "\\\\").replace("\"", "\\\"")).append("\"));\n");
        }
        out.append("""
                        return outputs;
                    }

                    private TerraformOutput export(Construct scope, String name, Object value, boolean sensitive, String description) {
                        return StackLedger.output(scope, name, value, description, sensitive);
                    }
                """);
        return out.append("}\n").toString();
    }

    static String javaType(VariableType type) {
        return switch (type) {
            case STRING -> "String";
            case NUMBER -> "Number";
            case BOOL -> "Boolean";
            case STRING_LIST -> "List<String>";
            case STRING_MAP -> "Map<String, String>";
        };
    }

    /** A description as Javadoc lines of at most about 110 characters, HTML-escaped. */
    private static String javadoc(String text, String prefix) {
        String escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("*/", "*&#47;");
        StringBuilder out = new StringBuilder();
        StringBuilder line = new StringBuilder();
        for (String word : escaped.split(" ")) {
            if (line.length() > 0 && line.length() + word.length() + 1 > 110) {
                out.append(prefix).append(line).append('\n');
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        if (line.length() > 0) {
            out.append(prefix).append(line).append('\n');
        }
        return out.toString();
    }
}
