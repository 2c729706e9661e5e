package io.platform.redis.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The provider servers with stand-in provider binaries: found in a mirror, attached, and given up on quickly. */
@Tag(Tiers.TERRAFORM)
class ProviderServersTest {
    private static final String ADDRESS = "{\"registry.terraform.io/hashicorp/aws\":{\"Protocol\":\"grpc\",\"Pid\":1}}";

    @Test
    void aServerThatPrintsItsAddressIsLeasedAgainAndStopsWithTheJvm(@TempDir Path mirror) throws Exception {
        Path pid = mirror.resolve("pid");
        ProviderServers servers = ProviderServers.of(mirrorWith(mirror, "5.100.0",
                "echo $$ > \"" + pid + "\"\ncat <<'END'\nTF_REATTACH_PROVIDERS='" + ADDRESS + "'\nEND\n"
                        + "while :; do sleep 0.1; done\n")).orElseThrow();
        try (ProviderServers.Lease first = servers.lease()) {
            assertEquals(Optional.of(ADDRESS), first.reattach());
        }
        try (ProviderServers.Lease again = servers.lease()) {
            assertEquals(Optional.of(ADDRESS), again.reattach(), "an idle server is leased again");
        }
        ProcessHandle provider = ProcessHandle.of(Long.parseLong(Files.readString(pid).strip())).orElseThrow();
        servers.stopAll();
        // This stand-in ignores the interrupt (a shell script cannot trap it here), so it is the terminate 2 s later.
        assertTrue(provider.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS) != null && !provider.isAlive(),
                "the provider stops with the servers");
    }

    @Test
    void aProviderThatDiesAtOnceIsGivenUpOnWithoutWaiting(@TempDir Path mirror) {
        ProviderServers servers = ProviderServers.of(mirrorWith(mirror, "5.100.0", "echo 'no debug mode here' >&2\nexit 3\n"))
                .orElseThrow();
        long start = System.nanoTime();
        try (ProviderServers.Lease lease = servers.lease()) {
            assertEquals(Optional.empty(), lease.reattach(), "terraform then starts the provider itself");
        }
        assertTrue(System.nanoTime() - start < 10_000_000_000L, "gave up only after the start timeout");
    }

    @Test
    void aMirrorWithoutAnUnpackedProviderHasNoServers(@TempDir Path mirror) throws Exception {
        Path packed = Files.createDirectories(mirror.resolve("registry.terraform.io/hashicorp/aws"))
                .resolve("terraform-provider-aws_5.100.0_linux_amd64.zip");
        Files.writeString(packed, "zip");
        assertEquals(Optional.empty(), ProviderServers.of(mirror).map(Object::toString));
    }

    private static Path mirrorWith(Path mirror, String version, String script) {
        try {
            Path dir = Files.createDirectories(mirror.resolve("registry.terraform.io/hashicorp/aws").resolve(version)
                    .resolve(ProviderServers.platform()));
            Path binary = dir.resolve("terraform-provider-aws_v" + version + "_x5");
            Files.writeString(binary, "#!/bin/sh\n" + script);
            assertTrue(binary.toFile().setExecutable(true));
            return mirror;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
