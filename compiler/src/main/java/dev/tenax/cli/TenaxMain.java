package dev.tenax.cli;

import dev.tenax.diag.Diagnostic;
import dev.tenax.diag.ModelRejectedException;
import dev.tenax.diag.UsageException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code tenax} command line: a thin layer over the library; only {@link #main} exits. */
@Command(name = "tenax", mixinStandardHelpOptions = true, versionProvider = Version.class,
    description = "Compile ONNX models to C for microcontrollers, including batteryless ones that "
        + "lose power during inference.",
    subcommands = {InspectCommand.class, ExecCommand.class, QuantizeCommand.class,
        CompileCommand.class, RunCommand.class, SimulateCommand.class, SweepCommand.class, BenchCommand.class,
        EvalCommand.class, BenchmarkCommand.class, ExampleCommand.class, TrainExampleCommand.class,
        DemoCommand.class, DoctorCommand.class, picocli.AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
    footerHeading = "%nExit codes:%n",
    footer = {"  0   ok", "  1   simulate: no inference finished (the report gives the smallest capacitor that does)",
        "  2   usage error (bad option, missing or mismatched input file)",
        "  65  model rejected (diagnostics printed; codes listed in docs/diagnostics.md)",
        "  69  build or run failed: a toolchain, QEMU or mspdebug missing or failing, or the firmware faulted, "
            + "stalled or ran past --timeout (the message says which)",
        "  70  internal error (please report it)"})
public final class TenaxMain implements Runnable {
  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Runs the CLI and returns the exit code (never exits the JVM). */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    CommandLine cl = new CommandLine(new TenaxMain());
    cl.setOut(out);
    cl.setErr(err);
    cl.setExecutionExceptionHandler((ex, line, parseResult) -> handle(ex, line.getErr()));
    return cl.execute(args);
  }

  /** Prints what went wrong for the user and returns the exit code (public for the tests of other packages). */
  public static int handle(Exception ex, PrintWriter err) {
    if (ex instanceof dev.tenax.hostrun.HostBuild.LinkOverflowException overflow) {
      ex = new ModelRejectedException(java.util.List.of(overflow.diagnostic()));
    }
    if (ex instanceof ModelRejectedException) {
      var diags = ((ModelRejectedException) ex).diagnostics();
      for (Diagnostic d : diags) {
        err.println(d.format());
      }
      err.println("model rejected: " + diags.size() + " problem" + (diags.size() == 1 ? "" : "s"));
      err.flush();
      return ExitCodes.MODEL_REJECTED;
    }
    if (ex instanceof dev.tenax.hostrun.HostBuild.BuildException
        || ex instanceof dev.tenax.hostrun.NativeLoadException
        || ex instanceof dev.tenax.hostrun.QemuRun.FirmwareException) {
      err.println("error: " + ex.getMessage());
      err.flush();
      return ExitCodes.BUILD_OR_RUN_FAILED;
    }
    if (ex instanceof UsageException) {
      err.println("error: " + ex.getMessage());
      err.flush();
      return ExitCodes.USAGE;
    }
    err.println("internal error: " + ex);
    if (System.getenv("TENAX_DEBUG") != null) {
      ex.printStackTrace(err);
    } else {
      err.println("  set TENAX_DEBUG=1 for the stack trace, and please report it");
    }
    err.flush();
    return ExitCodes.INTERNAL;
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, true);
    PrintWriter err = new PrintWriter(System.err, true);
    System.exit(run(out, err, args));
  }
}
