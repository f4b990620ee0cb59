package dev.tenax.docs;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.SharedData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The user guide's relative links point at files that exist (a renamed doc breaks them silently). */
class DocLinksTest {
  private static final Pattern LINK = Pattern.compile("\\]\\(([^)#\\s]+)(#[^)\\s]*)?\\)");

  @Test
  void relativeLinksResolve() throws IOException {
    Path repo = SharedData.repoRoot();
    List<Path> docs = new ArrayList<>(List.of(repo.resolve("docs/README.md"), repo.resolve("docs/cli.md")));
    try (Stream<Path> guide = Files.list(repo.resolve("docs/guide"))) {
      docs.addAll(guide.filter(p -> p.toString().endsWith(".md")).sorted().toList());
    }
    List<String> broken = new ArrayList<>();
    for (Path doc : docs) {
      Matcher m = LINK.matcher(Files.readString(doc, StandardCharsets.UTF_8));
      while (m.find()) {
        String target = m.group(1);
        if (!target.contains("://") && !Files.exists(doc.getParent().resolve(target))) {
          broken.add(repo.relativize(doc) + " -> " + target);
        }
      }
    }
    assertTrue(broken.isEmpty(), "links to files that do not exist: " + broken);
  }
}
