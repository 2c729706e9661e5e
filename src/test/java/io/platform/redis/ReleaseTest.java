package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.module.Release;
import io.platform.redis.module.ProviderVersions;
import io.platform.redis.support.Synthesized;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One version, set in pom.xml: every place a reader finds a version shows that one. */
class ReleaseTest {
    private static String read(String file) {
        return Synthesized.read(Synthesized.PROJECT.resolve(file));
    }

    private static List<String> all(String text, String regex) {
        List<String> found = new ArrayList<>();
        Matcher matcher = Pattern.compile(regex).matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    @Test
    void theVersionIsPomsAndEveryPlaceShowsIt() {
        List<String> pom = all(read("pom.xml"), "<artifactId>elasticache-redis</artifactId>\\s*<version>([^<]+)</version>");
        assertEquals(List.of(Release.VERSION), pom, "Release.VERSION is Maven's project version (release.properties)");
        String javaGuide = read("docs/java.md");
        List<String> shown = new ArrayList<>();
        shown.addAll(all(javaGuide, "io\\.platform:elasticache-redis:([0-9.]+)"));
        shown.addAll(all(javaGuide, "<artifactId>elasticache-redis</artifactId>\\s*<version>([^<]+)</version>"));
        shown.addAll(all(read("README.md"), "\\?ref=v([0-9.]+)"));
        shown.addAll(all(read("examples/java-consumer/pom.xml"), "<artifactId>elasticache-redis</artifactId>\\s*<version>([^<]+)</version>"));
        String moduleReadme = read("modules/redis/README.md");
        shown.addAll(all(moduleReadme, "\\?ref=v([0-9.]+)"));
        assertTrue(shown.size() >= 5, "the Java guide (install, dependency), the README's ?ref, the Java example's dependency, the module README's ?ref: " + shown);
        shown.forEach(version -> assertEquals(Release.VERSION, version, "a version shown beside " + Release.VERSION + ": " + shown));
        assertTrue(moduleReadme.contains("Release " + Release.VERSION + ":"), "the module README names its release");
        assertTrue(moduleReadme.contains("hashicorp/aws " + ProviderVersions.AWS), "the module README names the provider bounds");
    }

    /** Keep a Changelog: the newest release is this one, dated; each release says how to upgrade. */
    @Test
    void theChangelogsNewestReleaseIsThisOneAndEachSaysHowToUpgrade() {
        String changelog = read("CHANGELOG.md");
        List<String> releases = all(changelog, "(?m)^## \\[(\\d+\\.\\d+\\.\\d+)\\]");
        assertTrue(releases.size() >= 2, "releases in CHANGELOG.md: " + releases);
        assertEquals(Release.VERSION, releases.get(0), "CHANGELOG.md's newest release");
        assertTrue(Pattern.compile("(?m)^## \\[" + Pattern.quote(Release.VERSION) + "\\] - \\d{4}-\\d{2}-\\d{2}$").matcher(changelog).find(),
                "the release heading has its date: ## [" + Release.VERSION + "] - YYYY-MM-DD");
        String[] sections = changelog.split("(?m)^## \\[");
        for (int i = 1; i < sections.length; i++) {
            String section = sections[i];
            if (!section.startsWith("Unreleased")) {
                assertTrue(section.contains("\n### Upgrading\n"), "release " + section.substring(0, section.indexOf(']')) + " has no Upgrading note");
            }
        }
    }
}
