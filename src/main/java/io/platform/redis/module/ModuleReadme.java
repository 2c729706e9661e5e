package io.platform.redis.module;

import java.util.List;
import java.util.stream.Collectors;

/** The module's README: a hand-written text (src/main/resources/module/README.md) with generated tables. */
public final class ModuleReadme {
    static final String INPUTS = "<!-- inputs -->";
    static final String OUTPUTS = "<!-- outputs -->";
    static final String RELEASE = "<!-- release -->";
    static final String AWS = "<!-- aws -->";
    static final String ENGINE_PARAMETERS = "<!-- engine-parameters -->";

    private ModuleReadme() {
    }

    public static String render() {
        String template = ModuleExporter.resource("README.md");
        return template.replace(INPUTS, inputsTable()).replace(OUTPUTS, outputsTable()).replace(RELEASE, Release.VERSION)
                .replace(AWS, io.platform.redis.module.ProviderVersions.AWS).replace(ENGINE_PARAMETERS, engineParameters());
    }

    static String engineParameters() {
        List<String> common = EngineParameters.common();
        StringBuilder out = new StringBuilder("| family | parameters |\n|--------|------------|\n");
        out.append("| every family | ").append(codes(common)).append(" |\n");
        EngineParameters.BY_FAMILY.forEach((family, names) -> out.append("| ").append(family).append(" | also ")
                .append(codes(names.stream().filter(name -> !common.contains(name)).toList())).append(" |\n"));
        out.append("\nRefused, since ElastiCache fixes them (or lets a group change them only while no cluster uses it): ")
                .append(codes(EngineParameters.FIXED)).append('.');
        return out.toString();
    }

    private static String codes(List<String> names) {
        return names.isEmpty() ? "-" : names.stream().map(name -> "`" + name + "`").collect(Collectors.joining(", "));
    }

    static String inputsTable() {
        return "| Name | Description | Type | Default | Required | From a resource | On a running cluster |\n"
                + "|------|-------------|------|---------|----------|-----------------|----------------------|\n"
                + RedisVariables.ALL.stream().map(v -> "| " + v.name() + " | " + cell(v.description())
                        + (v.sensitive() ? " Sensitive." : "") + " | `" + v.type().hcl() + "` | "
                        + (v.required() ? "-" : "`" + Hcl.literal(v.defaultValue()) + "`") + " | "
                        + (v.required() ? "yes" : "no") + " | "
                        + (v.fromResource() == null ? "-" : "`" + cell(v.fromResource().example()) + "`") + " | "
                        + String.join("; ", v.runningChanges().stream().map(c -> (v.runningChanges().size() > 1 ? c.describe() + ": " : "")
                                + c.expected().label()).toList()) + " |")
                .collect(Collectors.joining("\n"));
    }

    static String outputsTable() {
        return "| Name | Description | Sensitive |\n|------|-------------|-----------|\n"
                + RedisOutputs.ALL.stream().map(o -> "| " + o.name() + " | " + cell(o.description()) + " | "
                        + (o.sensitive() ? "yes" : "no") + " |").collect(Collectors.joining("\n"));
    }

    private static String cell(String text) {
        return text.replace("|", "\\|");
    }
}
