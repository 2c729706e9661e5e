package io.platform.redis.hcl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.files.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The renderer on small Terraform JSON documents: expressions, templates, blocks, alignment, refusals. */
class HclRendererTest {
    private static String render(String json) {
        return new HclRenderer(Map.of()).render(Json.parse(json));
    }

    @Test
    void aWholeInterpolationBecomesABareExpressionAndAMixedStringStaysATemplate() {
        assertEquals("locals {\n"
                        + "  bare     = var.a ? \"x\" : var.b\n"
                        + "  template = \"${var.name}-subnets\"\n"
                        + "  nested   = coalesce(var.d, \"Redis for ${var.name} (${var.env})\")\n"
                        + "  two      = \"${var.a}${var.b}\"\n"
                        + "}\n",
                render("{\"locals\": {\"bare\": \"${var.a ? \\\"x\\\" : var.b}\", \"template\": \"${var.name}-subnets\","
                        + " \"nested\": \"${coalesce(var.d, \\\"Redis for ${var.name} (${var.env})\\\")}\", \"two\": \"${var.a}${var.b}\"}}"));
    }

    @Test
    void aLongObjectIsWrittenOneItemPerLineAndBreaksTheAlignmentAsTerraformFmtDoes() {
        String longText = "x".repeat(90);
        assertEquals("locals {\n"
                        + "  a = 1\n"
                        + "  long = {\n"
                        + "    name  = \"" + longText + "\"\n"
                        + "    count = var.n\n"
                        + "    inner = {\n"
                        + "      text = \"" + longText + "\"\n"
                        + "    }\n"
                        + "    list = [{ text = \"" + longText + "\" }]\n"
                        + "  }\n"
                        + "  short     = { a = 1 }\n"
                        + "  after_all = 2\n"
                        + "}\n",
                render("{\"locals\": {\"a\": 1, \"long\": {\"name\": \"" + longText + "\", \"count\": \"${var.n}\","
                        + " \"inner\": {\"text\": \"" + longText + "\"}, \"list\": [{\"text\": \"" + longText + "\"}]},"
                        + " \"short\": {\"a\": 1}, \"after_all\": 2}}"));
    }

    @Test
    void literalTextIsEscapedAndAnEscapedInterpolationStaysEscaped() {
        assertEquals("locals {\n  text = \"say \\\"hi\\\" \\\\ $${not.a.reference}\\n\"\n}\n",
                render("{\"locals\": {\"text\": \"say \\\"hi\\\" \\\\ $${not.a.reference}\\n\"}}"));
    }

    @Test
    void variablesHaveABareTypeALiteralDefaultAndValidationBlocks() {
        String hcl = render("{\"variable\": {\"x\": {\"default\": \"${literal}\", \"type\": \"list(string)\", \"description\": \"d\","
                + " \"validation\": [{\"error_message\": \"e\", \"condition\": \"${length(var.x) > 0}\"}]}}}");
        assertEquals("variable \"x\" {\n"
                + "  description = \"d\"\n"
                + "  type        = list(string)\n"
                + "  default     = \"$${literal}\"\n"
                + "\n"
                + "  validation {\n"
                + "    condition     = length(var.x) > 0\n"
                + "    error_message = \"e\"\n"
                + "  }\n"
                + "}\n", hcl);
    }

    /** moved blocks: a list in Terraform JSON, one block each in HCL, with bare addresses. */
    @Test
    void movedBlocksNameTheirAddressesBare() {
        String hcl = render("{\"moved\": [{\"from\": \"aws_x.y[0]\", \"to\": \"aws_x.y\"}, {\"from\": \"aws_x.z[\\\"a\\\"]\", \"to\": \"aws_x.z[0]\"}]}");
        assertEquals("moved {\n  from = aws_x.y[0]\n  to   = aws_x.y\n}\n\nmoved {\n  from = aws_x.z[\"a\"]\n  to   = aws_x.z[0]\n}\n", hcl);
    }

    @Test
    void resourcesPutMetaArgumentsFirstNestedBlocksAfterAndLifecycleLast() {
        String hcl = render("{\"resource\": {\"aws_elasticache_replication_group\": {\"this\": {"
                + "\"lifecycle\": {\"prevent_destroy\": true, \"precondition\": [{\"condition\": \"${true}\", \"error_message\": \"m\"}]},"
                + "\"log_delivery_configuration\": [{\"log_type\": \"slow-log\"}, {\"log_type\": \"engine-log\"}],"
                + "\"tags\": {\"Environment\": \"prod\", \"cost-center\": \"x\"}, \"count\": \"${var.n}\"}}}}");
        assertEquals("resource \"aws_elasticache_replication_group\" \"this\" {\n"
                + "  count = var.n\n"
                + "\n"
                + "  tags = { Environment = \"prod\", \"cost-center\" = \"x\" }\n"
                + "\n"
                + "  log_delivery_configuration {\n"
                + "    log_type = \"slow-log\"\n"
                + "  }\n"
                + "\n"
                + "  log_delivery_configuration {\n"
                + "    log_type = \"engine-log\"\n"
                + "  }\n"
                + "\n"
                + "  lifecycle {\n"
                + "    prevent_destroy = true\n"
                + "\n"
                + "    precondition {\n"
                + "      condition     = true\n"
                + "      error_message = \"m\"\n"
                + "    }\n"
                + "  }\n"
                + "}\n", hcl);
    }

    @Test
    void dynamicBlocksAndCommentsAreWritten() {
        String hcl = new HclRenderer(Map.of("resource.aws_elasticache_parameter_group.this", "Why: a reason."))
                .render(Json.parse("{\"resource\": {\"aws_elasticache_parameter_group\": {\"this\": {\"family\": \"redis7\","
                        + " \"dynamic\": {\"parameter\": {\"for_each\": \"${local.p}\", \"content\": {\"name\": \"${parameter.key}\"}}}}}}}"));
        assertEquals("# Why: a reason.\n"
                + "resource \"aws_elasticache_parameter_group\" \"this\" {\n"
                + "  family = \"redis7\"\n"
                + "\n"
                + "  dynamic \"parameter\" {\n"
                + "    for_each = local.p\n"
                + "\n"
                + "    content {\n"
                + "      name = parameter.key\n"
                + "    }\n"
                + "  }\n"
                + "}\n", hcl);
    }

    @Test
    void whatItCannotRenderIsRefusedWithWhere() {
        HclRenderException unknownBlock = assertThrows(HclRenderException.class, () ->
                render("{\"resource\": {\"aws_x\": {\"y\": {\"rule\": [{\"a\": 1}]}}}}"));
        assertTrue(unknownBlock.getMessage().contains("resource.aws_x.y.rule"), unknownBlock.getMessage());
        HclRenderException provisioner = assertThrows(HclRenderException.class, () ->
                render("{\"resource\": {\"aws_x\": {\"y\": {\"provisioner\": {\"local-exec\": {}}}}}}"));
        assertTrue(provisioner.getMessage().contains("provisioners are not supported"), provisioner.getMessage());
        HclRenderException topLevel = assertThrows(HclRenderException.class, () -> render("{\"removed\": {}}"));
        assertTrue(topLevel.getMessage().contains("not a Terraform top-level block"), topLevel.getMessage());
        HclRenderException unterminated = assertThrows(HclRenderException.class, () -> render("{\"locals\": {\"a\": \"${var.x\"}}"));
        assertTrue(unterminated.getMessage().contains("locals.a"), unterminated.getMessage());
    }
}
