package dev.tenax.docs;

import java.util.ArrayList;
import java.util.List;

/**
 * The runnable commands of a markdown file, by the convention written at the top of
 * docs/README.md: fenced blocks whose info string is exactly {@code sh}. Every other block
 * (text, console, python, no info string) and indented code is for reading only.
 */
public final class ShellBlocks {
  /** One {@code sh} block: its 1-based position among them, the line of its opening fence, its text. */
  public record Block(int index, int line, String text) {}

  private ShellBlocks() {}

  public static List<Block> of(String markdown) {
    List<Block> blocks = new ArrayList<>();
    String[] lines = markdown.split("\n", -1);
    String fence = null;
    boolean runnable = false;
    int opened = 0;
    StringBuilder body = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      if (fence == null) {
        String trimmed = line.strip();
        if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) {
          fence = trimmed.substring(0, 3);
          runnable = trimmed.substring(3).strip().equals("sh");
          opened = i + 1;
          body.setLength(0);
        }
      } else if (line.strip().equals(fence)) {
        if (runnable) {
          blocks.add(new Block(blocks.size() + 1, opened, body.toString()));
        }
        fence = null;
      } else {
        body.append(line).append('\n');
      }
    }
    return blocks;
  }

  /**
   * One bash script that runs the blocks in order (so variables carry over), printing a marker
   * before each so that a failure can be traced to its block.
   */
  public static String script(List<Block> blocks) {
    StringBuilder sb = new StringBuilder("set -euo pipefail\n");
    for (Block b : blocks) {
      sb.append("echo '").append(marker(b)).append("'\n").append(b.text());
    }
    return sb.toString();
  }

  public static String marker(Block b) {
    return "@@ doc block " + b.index() + " (line " + b.line() + ")";
  }
}
