package io.platform.redis.offline;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A local folder of Terraform providers (a filesystem mirror: registry.terraform.io/hashicorp/aws/...), where one
 * exists: {@code TF_PROVIDER_MIRROR}, Terraform's standard plugin folders, or the usual install prefixes. With one,
 * terraform init installs from it and needs no network.
 */
public final class ProviderMirror {
    private ProviderMirror() {
    }

    /** The mirror's folder holding registry.terraform.io/hashicorp/aws, if there is one. */
    public static Optional<Path> find() {
        String configured = System.getenv("TF_PROVIDER_MIRROR");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(root -> holds(root, "aws"));
        }
        List<Path> candidates = new ArrayList<>();
        String home = System.getProperty("user.home");
        candidates.add(Path.of(home, ".terraform.d", "plugins"));
        candidates.add(Path.of(home, ".local", "share", "terraform", "plugins"));
        candidates.add(Path.of("/usr/local/share/terraform/plugins"));
        candidates.add(Path.of("/usr/share/terraform/plugins"));
        for (Path candidate : candidates) {
            if (holds(candidate, "aws")) {
                return Optional.of(candidate);
            }
        }
        for (String prefix : List.of("/opt", "/usr/local", "/srv", home)) {
            try (Stream<Path> walk = Files.walk(Path.of(prefix), 3)) {
                Optional<Path> found = walk.filter(p -> p.getFileName() != null
                                && p.getFileName().toString().equals("registry.terraform.io"))
                        .map(Path::getParent).filter(root -> holds(root, "aws")).sorted().findFirst();
                if (found.isPresent()) {
                    return found;
                }
            } catch (IOException | UncheckedIOException e) {
                // an unreadable prefix is simply not a mirror
            }
        }
        return Optional.empty();
    }

    /** Whether the mirror holds hashicorp/{@code provider}. */
    public static boolean holds(Path root, String provider) {
        return Files.isDirectory(root.resolve("registry.terraform.io").resolve("hashicorp").resolve(provider));
    }

    /** A Terraform CLI configuration that installs hashicorp providers from the mirror (a temporary file). */
    public static Path cliConfig(Path mirror) {
        try {
            Path config = Files.createTempFile("terraform-offline-", ".tfrc");
            config.toFile().deleteOnExit();
            Files.writeString(config, "provider_installation {\n  filesystem_mirror {\n    path    = \""
                    + mirror.toString().replace("\\", "/") + "\"\n    include = [\"registry.terraform.io/hashicorp/*\"]\n  }\n}\n");
            return config;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
