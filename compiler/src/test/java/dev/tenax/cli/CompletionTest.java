package dev.tenax.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** {@code tenax generate-completion} prints a bash/zsh completion script that knows the subcommands. */
class CompletionTest {
  @Test
  void theScriptCompletesEverySubcommand() {
    StringWriter out = new StringWriter();
    assertEquals(0, TenaxMain.run(new PrintWriter(out), new PrintWriter(new StringWriter()), "generate-completion"));
    String script = out.toString();
    assertTrue(script.contains("complete -F"), "not a bash completion script");
    for (String sub : new String[] {"compile", "run", "simulate", "sweep", "doctor", "train-example"}) {
      assertTrue(script.contains(sub), "the script does not complete " + sub);
    }
  }
}
