package dev.tenax.cli;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Renders {@code docs/cli.md} from the picocli model of {@link TenaxMain}, so the reference can
 * only say what the parser accepts; {@code CliReferenceTest} keeps the file in sync.
 */
public final class CliReference {
  /** The synopsis width: fixed, so the file does not depend on the terminal that rendered it. */
  private static final int WIDTH = 100;

  private CliReference() {}

  /** The command tree, parent before children, in the order {@code tenax --help} lists it. */
  public static List<CommandSpec> commands() {
    List<CommandSpec> all = new ArrayList<>();
    collect(new CommandLine(new TenaxMain()).getCommandSpec(), all);
    return all;
  }

  private static void collect(CommandSpec spec, List<CommandSpec> into) {
    if (spec.usageMessage().hidden()) {
      return;
    }
    into.add(spec);
    for (CommandLine sub : spec.subcommands().values()) {
      // Aliases map to the same CommandLine; list each command once.
      if (!into.contains(sub.getCommandSpec())) {
        collect(sub.getCommandSpec(), into);
      }
    }
  }

  /** The options a reader should see: the standard --help/--version are described once on top. */
  static List<OptionSpec> documentedOptions(CommandSpec spec) {
    // Sorted as --help sorts them, by the long name without dashes.
    return spec.options().stream().filter(o -> !o.hidden() && !o.usageHelp() && !o.versionHelp())
        .sorted(Comparator.comparing(o -> o.longestName().replaceFirst("^-+", ""))).toList();
  }

  static List<PositionalParamSpec> documentedParameters(CommandSpec spec) {
    return spec.positionalParameters().stream().filter(p -> !p.hidden()).toList();
  }

  public static String render() {
    StringBuilder sb = new StringBuilder();
    sb.append("# Command-line reference\n\n");
    sb.append("<!-- Generated from the picocli command definitions (compiler/src/main/java/dev/tenax/cli/) by\n");
    sb.append("     `mvn -q -pl compiler test -Dtest=CliReferenceTest -Dtenax.regenerate=true`. -->\n\n");
    sb.append("Every command also takes `-h`/`--help` (print its help and exit) and `-V`/`--version`.\n");
    sb.append("`tenax help COMMAND` prints the same help as `tenax COMMAND --help`.\n\n");
    List<CommandSpec> all = commands();
    for (CommandSpec c : all.subList(1, all.size())) {
      sb.append("- [`").append(c.qualifiedName()).append("`](#").append(anchor(c)).append(")\n");
    }
    sb.append('\n');
    for (CommandSpec c : all) {
      renderCommand(c, sb);
    }
    return sb.toString();
  }

  private static void renderCommand(CommandSpec c, StringBuilder sb) {
    c.usageMessage().width(WIDTH);
    CommandLine.Help help = new CommandLine.Help(c, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
    sb.append("## ").append(c.qualifiedName()).append("\n\n");
    sb.append("```text\n").append(help.synopsis(0).stripTrailing()).append("\n```\n\n");
    // picocli's own texts (help) use %n for line breaks; keep the paragraph, drop empty lines.
    String description = String.join("\n", c.usageMessage().description()).replace("%n", "\n");
    for (String line : description.split("\n")) {
      if (!line.isBlank()) {
        sb.append(escape(line.strip())).append('\n');
      }
    }
    sb.append('\n');
    List<PositionalParamSpec> params = documentedParameters(c);
    if (!params.isEmpty()) {
      sb.append("| Parameter | Description |\n|---|---|\n");
      for (PositionalParamSpec p : params) {
        sb.append("| ").append(code(p.paramLabel())).append(p.arity().max() > 1 ? " ..." : "").append(" | ")
            .append(description(p)).append(" |\n");
      }
      sb.append('\n');
    }
    List<OptionSpec> options = documentedOptions(c);
    if (!options.isEmpty()) {
      sb.append("| Option | Value | Description | Default |\n|---|---|---|---|\n");
      for (OptionSpec o : options) {
        sb.append("| ").append(names(o)).append(" | ").append(value(o)).append(" | ").append(description(o))
            .append(" | ").append(defaultValue(o)).append(" |\n");
      }
      sb.append('\n');
    }
    String[] footer = c.usageMessage().footer();
    if (footer.length > 0) {
      sb.append("```text\n").append(c.usageMessage().footerHeading().replace("%n", "").strip()).append('\n');
      for (String line : footer) {
        sb.append(line.stripTrailing()).append('\n');
      }
      sb.append("```\n\n");
    }
  }

  private static String names(OptionSpec o) {
    StringBuilder sb = new StringBuilder();
    for (String n : o.names()) {
      sb.append(sb.length() == 0 ? "" : ", ").append('`').append(n).append('`');
    }
    return sb.toString();
  }

  private static String value(OptionSpec o) {
    if (o.arity().max() == 0) {
      return "";
    }
    boolean said = String.join(" ", o.description()).contains("repeatable");
    String repeat = o.isMultiValue() && !said ? " (repeatable)" : "";
    String label = o.splitRegex().isEmpty() ? o.paramLabel() : o.paramLabel() + "[," + o.paramLabel() + "...]";
    return code(label) + repeat;
  }

  /**
   * "required", the declared default or the field's initial value; empty for flags, lists and options whose
   * default is decided later (their descriptions say what happens without them).
   */
  private static String defaultValue(OptionSpec o) {
    if (o.required()) {
      return "required";
    }
    if (o.arity().max() == 0) {
      return "";
    }
    Object value = o.defaultValue() != null ? o.defaultValue() : o.initialValue();
    if (value == null || value instanceof Collection<?> || value.getClass().isArray()) {
      return "";
    }
    return code(String.valueOf(value));
  }

  /** A code span in a table cell: GitHub ends the cell at a bare pipe even inside backticks. */
  private static String code(String s) {
    return "`" + s.replace("|", "\\|") + "`";
  }

  private static String description(ArgSpec a) {
    return escape(String.join(" ", a.description()));
  }

  /** Markdown table cells: a pipe would end the cell, and angle brackets would vanish as HTML. */
  private static String escape(String s) {
    return s.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** GitHub's heading anchor for "tenax foo-bar": lower case, spaces to hyphens. */
  private static String anchor(CommandSpec c) {
    return c.qualifiedName().toLowerCase(java.util.Locale.ROOT).replace(' ', '-');
  }
}
