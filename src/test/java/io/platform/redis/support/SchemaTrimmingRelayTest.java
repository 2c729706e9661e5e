package io.platform.redis.support;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import io.platform.redis.files.Directories;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The relay between terraform and the AWS provider servers: what it keeps of the schema answer, and what terraform sees. */
class SchemaTrimmingRelayTest {
    @Test
    void theSchemaAnswerKeepsTheNamedTypesAndEveryOtherFieldAsItWas() throws IOException {
        byte[] answer = message(out -> {
            out.writeBytes(1, ByteString.copyFromUtf8("provider schema"));
            out.writeBytes(2, entry("aws_elasticache_user"));
            out.writeBytes(2, entry("aws_lambda_function"));
            out.writeBytes(3, entry("aws_region"));
            out.writeBytes(3, entry("aws_ami"));
            out.writeBytes(6, ByteString.copyFrom(new byte[] {8, 1, 16, 1}));
            out.writeBytes(7, entry("arn_parse"));
        });
        SchemaTrimmingRelay.Trimmed trimmed = SchemaTrimmingRelay.trim(answer, Set.of("aws_elasticache_user", "aws_region"));

        byte[] expected = message(out -> {
            out.writeBytes(1, ByteString.copyFromUtf8("provider schema"));
            out.writeBytes(2, entry("aws_elasticache_user"));
            out.writeBytes(3, entry("aws_region"));
            out.writeBytes(6, ByteString.copyFrom(new byte[] {8, 1, 16, 1}));
            out.writeBytes(7, entry("arn_parse"));
        });
        assertArrayEquals(expected, trimmed.answer(), "only the other resource and data source types go; functions stay");
        assertEquals(2, trimmed.kept());
        assertEquals(4, trimmed.offered());
    }

    @Test
    void theProjectNamesItsModulesTypesAndTheStacksBindings() {
        Set<String> named = NamedResourceTypes.in(Synthesized.PROJECT);
        // aws_kms_key reaches terraform only through the stacks' cdktf binding (providers.aws.kms_key)
        assertTrue(named.containsAll(Set.of("aws_elasticache_replication_group", "aws_vpc_security_group_ingress_rule", "aws_kms_key")), named::toString);
    }

    @Test
    @Tag(Tiers.TERRAFORM)
    @SuppressWarnings("unchecked")
    void terraformSeesOnlyTheTypesTheProjectNames() throws IOException {
        assumeTrue(Terraform.get().isPresent(), () -> "SKIPPED the provider schema through the relay: " + Terraform.unavailableReason());
        assumeTrue(SchemaTrimmingRelay.available(), "SKIPPED the provider schema through the relay: no native transport for Unix sockets here");
        Path root = ModuleRoot.scratch("schema-");
        try {
            Files.writeString(root.resolve("main.tf"), "terraform {\n  required_providers {\n    aws = { source = \"hashicorp/aws\" }\n  }\n}\n");
            Terraform terraform = Terraform.get().orElseThrow();
            terraform.ok(root, "init", "-input=false", "-no-color");
            Map<String, Object> aws = JsonPath.map(terraform.providerSchemas(root), "provider_schemas", "registry.terraform.io/hashicorp/aws");
            Set<String> seen = new TreeSet<>(((Map<String, Object>) aws.get("resource_schemas")).keySet());
            seen.addAll(((Map<String, Object>) aws.get("data_source_schemas")).keySet());
            Set<String> named = NamedResourceTypes.in(Synthesized.PROJECT);
            assertTrue(named.containsAll(seen), () -> "not named by the project: " + seen.stream().filter(t -> !named.contains(t)).toList());
            assertTrue(seen.contains("aws_elasticache_replication_group") && seen.size() < 100,
                    () -> seen.size() + " types, the provider offers about 2,000: " + seen);
        } finally {
            Directories.deleteIfExists(root);
        }
    }

    private interface Writes {
        void to(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Writes fields) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        fields.to(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** A map entry: key (field 1), value (field 2). */
    private static ByteString entry(String key) throws IOException {
        return ByteString.copyFrom(message(out -> {
            out.writeString(1, key);
            out.writeBytes(2, ByteString.copyFromUtf8("schema of " + key));
        }));
    }
}
