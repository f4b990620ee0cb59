package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.testing.GeneratedDocs;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** docs/cli.md is generated from the command definitions; regenerate with -Dtenax.regenerate=true. */
class CliReferenceTest {
  @Test
  void referenceIsCurrent() throws Exception {
    GeneratedDocs.check("docs/cli.md", CliReference.render(), CliReferenceTest.class);
  }

  @Test
  void everyCommandOptionAndParameterIsDescribed() {
    List<String> missing = new ArrayList<>();
    for (CommandSpec c : CliReference.commands()) {
      if (String.join("", c.usageMessage().description()).isBlank()) {
        missing.add(c.qualifiedName());
      }
      List<ArgSpec> args = new ArrayList<>(CliReference.documentedOptions(c));
      args.addAll(CliReference.documentedParameters(c));
      for (ArgSpec a : args) {
        if (String.join("", a.description()).isBlank()) {
          missing.add(c.qualifiedName() + " " + a.paramLabel());
        }
      }
    }
    assertTrue(missing.isEmpty(), "commands, options or parameters without a description: " + missing);
  }

  @Test
  void everySubcommandIsListed() {
    String doc = CliReference.render();
    for (String name : List.of("inspect", "compile", "simulate", "doctor", "generate-completion")) {
      assertTrue(doc.contains("\n## tenax " + name + "\n"), name + " has no section");
    }
  }
}
