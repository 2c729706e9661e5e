package io.platform.redis.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The AWS resource and data source types that the project's files can make terraform load: every {@code aws_...}
 * word in its Terraform files, JSON and Java sources (the module, the examples, the test roots and their inline HCL),
 * and the type of every AWS provider binding the Java code imports (the stacks' resources, which reach terraform
 * through cdktf). A word that is not a type costs nothing; a type used by no file cannot be planned here.
 */
final class NamedResourceTypes {
    private static final Pattern TYPE = Pattern.compile("\\baws_[a-z0-9_]+");
    /** cdktf's Java package of a type: providers.aws.elasticache_user, providers.aws.data_aws_region. */
    private static final Pattern BINDING = Pattern.compile("providers\\.aws\\.(?:data_aws_)?([a-z0-9_]+)");
    private static final Set<String> FOLDERS = Set.of("modules", "main", "examples", "stacks", "src");
    private static final Pattern FILES = Pattern.compile(".*\\.(tf|tf\\.json|json|hcl|tfvars|java)$");

    private NamedResourceTypes() {
    }

    /** The types named under {@code project}'s configuration and source folders. */
    static Set<String> in(Path project) {
        Set<String> types = new TreeSet<>();
        for (String folder : FOLDERS) {
            Path root = project.resolve(folder);
            if (!Files.isDirectory(root)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(root)) {
                for (Path file : files.filter(f -> FILES.matcher(f.getFileName().toString()).matches() && Files.isRegularFile(f)).toList()) {
                    String text = Files.readString(file);
                    TYPE.matcher(text).results().forEach(m -> types.add(m.group()));
                    Matcher binding = BINDING.matcher(text);
                    while (binding.find()) {
                        types.add("aws_" + binding.group(1));
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return types;
    }
}
