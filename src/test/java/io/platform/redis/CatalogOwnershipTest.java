package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.chatdesign.ChatVariables;
import io.platform.redis.module.RedisVariables;
import io.platform.redis.module.Variable;
import io.platform.redis.support.Synthesized;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A variable's name is written once, in its catalog: everywhere else the code names the catalog's constant
 * ({@code RedisVariables.PREVENT_DESTROY.name()}), so a renamed variable fails to compile where it is used rather than
 * silently missing at run time. Written as strings only in the catalogs, the module's resource definitions (which
 * write {@code var.<name>} expressions), the generated typed API, and the HCL renderer (Terraform's own argument and
 * block names, such as {@code description} and {@code timeouts}, which some variables share).
 */
class CatalogOwnershipTest {
    private static final Path MAIN = Synthesized.PROJECT.resolve("src/main/java/io/platform/redis");
    private static final Set<String> OWNERS = Set.of("module/RedisVariables.java", "chatdesign/ChatVariables.java",
            "module/RedisOutputs.java", "chatdesign/ChatOutputs.java", "module/RedisModuleStack.java", "RedisModuleConfig.java",
            "RedisModuleOutputs.java", "chat/ChatRedisConfig.java",
            // the engine's own parameter names, one of which (timeout) a variable shares
            "module/EngineParameters.java");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z0-9_]+)\"");

    static List<String> spelled(Path root, Set<String> names) throws Exception {
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String relative = root.relativize(file).toString().replace('\\', '/');
                if (OWNERS.contains(relative) || relative.startsWith("hcl/")) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    Matcher literal = LITERAL.matcher(lines.get(i));
                    while (literal.find()) {
                        if (names.contains(literal.group(1))) {
                            found.add(relative + ":" + (i + 1) + ": \"" + literal.group(1) + "\"");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static Set<String> variableNames() {
        return Stream.concat(RedisVariables.ALL.stream(), ChatVariables.ALL.stream()).map(Variable::name).collect(Collectors.toSet());
    }

    @Test
    void noMainSourceOutsideTheCatalogsSpellsAVariablesName() throws Exception {
        assertEquals(List.of(), spelled(MAIN, variableNames()), "use the catalog's constant (RedisVariables.X.name()) instead");
    }

    /** The scan finds a name written as a string in an ordinary class. */
    @Test
    void theScanFindsANameWrittenAsAString(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("config"));
        Files.writeString(dir.resolve("config/Guards.java"), "class Guards { String key = \"prevent_destroy\"; String other = \"prod\"; }\n");
        List<String> found = spelled(dir, variableNames());
        assertEquals(List.of("config/Guards.java:1: \"prevent_destroy\""), found);
        assertTrue(variableNames().contains(RedisVariables.PREVENT_DESTROY.name()));
    }
}
