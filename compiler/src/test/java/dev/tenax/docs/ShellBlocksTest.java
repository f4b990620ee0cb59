package dev.tenax.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShellBlocksTest {
  private static final String DOC = String.join("\n",
      "# Title",
      "```sh",
      "M=1",
      "echo $M",
      "```",
      "```console",
      "$ make flash",
      "```",
      "```",
      "mvn test",
      "```",
      "    ./tenax indented",
      "```python",
      "import torch",
      "```",
      "```sh",
      "./tenax doctor",
      "```",
      "");

  @Test
  void onlyShBlocksAreRun() {
    List<ShellBlocks.Block> blocks = ShellBlocks.of(DOC);
    assertEquals(2, blocks.size());
    assertEquals(new ShellBlocks.Block(1, 2, "M=1\necho $M\n"), blocks.get(0));
    assertEquals(new ShellBlocks.Block(2, 16, "./tenax doctor\n"), blocks.get(1));
  }

  @Test
  void scriptRunsBlocksInOrderInOneShell() {
    String script = ShellBlocks.script(ShellBlocks.of(DOC));
    assertTrue(script.startsWith("set -euo pipefail\n"));
    assertTrue(script.indexOf("M=1") < script.indexOf("./tenax doctor"));
    assertTrue(script.contains("echo '@@ doc block 2 (line 16)'\n./tenax doctor\n"));
    assertTrue(!script.contains("make flash") && !script.contains("mvn test") && !script.contains("import torch"));
  }
}
