package io.platform.redis.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordedStateTest {
    /** An ElastiCache user's marks as a plan shows them: the passwords, at the top and in the authentication block. */
    @Test
    void sensitiveMarksBecomeTheStatesPaths() {
        Map<String, Object> marks = Map.of("passwords", true, "authentication_mode", List.of(Map.of("passwords", true)), "tags", Map.of());
        List<List<Map<String, Object>>> paths = RecordedState.sensitivePaths(marks, List.of());
        assertEquals(2, paths.size(), paths.toString());
        assertEquals(true, paths.contains(List.of(Map.of("type", "get_attr", "value", "passwords"))), paths.toString());
        assertEquals(true, paths.contains(List.of(Map.of("type", "get_attr", "value", "authentication_mode"),
                Map.of("type", "index", "value", Map.of("value", 0, "type", "number")), Map.of("type", "get_attr", "value", "passwords"))),
                paths.toString());
        assertEquals(List.of(), RecordedState.sensitivePaths(false, List.of()));
    }

    /**
     * The running plan reads what the state will record for values AWS fills in at create: an id as its placeholder
     * (a splat as a list of them, as long as the resource's instances), an endpoint address as the placeholder, a
     * terraform_data's output as its input; a
     * replace_triggered_by keeps its reference; restore puts the file back.
     */
    @Test
    void valuesAwsFillsInAreReadAsRecorded(@TempDir Path module) throws Exception {
        String main = """
                resource "aws_elasticache_replication_group" "this" {
                  security_group_ids = concat(aws_security_group.this[*].id, var.security_group_ids)
                  final_snapshot_identifier = "${local.name}-${substr(terraform_data.final_snapshot_suffix.id, 0, 8)}"
                }
                resource "aws_secretsmanager_secret_version" "rbac_user" {
                  secret_id = aws_secretsmanager_secret.rbac_user[each.key].id
                  secret_string = jsonencode({ password = terraform_data.rbac_user[local.rbac_password_keys[each.key]].output })
                }
                resource "aws_route53_record" "this" {
                  records = [aws_elasticache_replication_group.this.primary_endpoint_address]
                }
                resource "terraform_data" "protect_cluster_from_destroy" {
                  input = aws_elasticache_replication_group.this.id
                  lifecycle {
                    replace_triggered_by = [aws_elasticache_replication_group.this.id]
                  }
                }
                """;
        Files.writeString(module.resolve("main.tf"), main);
        Map<Path, String> originals = RecordedState.knownAtPlan(module);
        String known = Files.readString(module.resolve("main.tf"));
        assertEquals("""
                resource "aws_elasticache_replication_group" "this" {
                  security_group_ids = concat([for _ in aws_security_group.this : "recorded-this"], var.security_group_ids)
                  final_snapshot_identifier = "${local.name}-${substr("recorded-final_snapshot_suffix", 0, 8)}"
                }
                resource "aws_secretsmanager_secret_version" "rbac_user" {
                  secret_id = "recorded-rbac_user"
                  secret_string = jsonencode({ password = terraform_data.rbac_user[local.rbac_password_keys[each.key]].input })
                }
                resource "aws_route53_record" "this" {
                  records = ["recorded"]
                }
                resource "terraform_data" "protect_cluster_from_destroy" {
                  input = "recorded-this"
                  lifecycle {
                    replace_triggered_by = [aws_elasticache_replication_group.this.id]
                  }
                }
                """, known);
        RecordedState.restore(originals);
        assertEquals(main, Files.readString(module.resolve("main.tf")));
    }
}
