package io.platform.redis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.platform.redis.support.Synthesized;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The docs by audience: a README that fits a screen or two, and every link between the pages leads somewhere. */
class DocsTest {
    private static final Path PROJECT = Synthesized.PROJECT;
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)\\)");
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");

    @Test
    void theReadmeIsShortAndPointsEachAudienceToItsGuide() {
        List<String> lines = Synthesized.read(PROJECT.resolve("README.md")).lines().toList();
        assertTrue(lines.size() < 150, "README.md has " + lines.size() + " lines; its details belong in docs/");
        String readme = String.join("\n", lines);
        for (String guide : List.of("modules/redis/README.md", "docs/java.md", "docs/operations.md", "docs/chat.md",
                "CONTRIBUTING.md", "CHANGELOG.md", "docs/development.md")) {
            assertTrue(readme.contains("](" + guide), "README.md links " + guide);
        }
    }

    @Test
    void everyRelativeLinkOfTheDocsLeadsToAFileAndHeading() throws Exception {
        List<Path> pages = new ArrayList<>(List.of(PROJECT.resolve("README.md"), PROJECT.resolve("CONTRIBUTING.md"),
                PROJECT.resolve("CHANGELOG.md"), PROJECT.resolve("modules/redis/README.md")));
        try (Stream<Path> docs = Files.list(PROJECT.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(pages::add);
        }
        List<String> broken = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            Matcher link = LINK.matcher(Synthesized.read(page));
            while (link.find()) {
                String target = link.group(1);
                if (target.startsWith("http://") || target.startsWith("https://") || target.startsWith("mailto:")) {
                    continue;
                }
                checked++;
                String file = target.contains("#") ? target.substring(0, target.indexOf('#')) : target;
                String anchor = target.contains("#") ? target.substring(target.indexOf('#') + 1) : null;
                Path resolved = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
                if (!Files.exists(resolved)) {
                    broken.add(PROJECT.relativize(page) + ": " + target + " (no such file)");
                } else if (anchor != null && resolved.toString().endsWith(".md") && !anchors(resolved).contains(anchor)) {
                    broken.add(PROJECT.relativize(page) + ": " + target + " (no such heading)");
                }
            }
        }
        assertTrue(checked > 30, "links checked: " + checked);
        assertEquals(List.of(), broken);
    }

    /** GitHub's anchors of a page's headings: lowercase, punctuation dropped, spaces as hyphens. */
    private static Set<String> anchors(Path page) {
        Set<String> anchors = new HashSet<>();
        Matcher heading = HEADING.matcher(Synthesized.read(page));
        while (heading.find()) {
            anchors.add(heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-'));
        }
        return anchors;
    }
}
