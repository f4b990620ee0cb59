package dev.tenax.cli;

import dev.tenax.hostrun.HostBuild;
import dev.tenax.hostrun.LinkOverflow;
import dev.tenax.hostrun.Msp430CodeLevel;
import java.io.IOException;
import java.nio.file.Path;

/**
 * tenax compile's build, run in the staging directory before the project is moved into place
 * (io.OutputDirectory#commit(StagedWork)): a firmware that does not link, even at the smallest
 * code level on an MSP430, is refused with TX090 and leaves nothing behind.
 */
final class StagedBuild {
  private StagedBuild() {}

  /**
   * What the build gave.
   *
   * @param product the library or ELF, relative to the project
   * @param levelLine the MSP430 level line for the summary (Msp430CodeLevel), empty for other families
   * @param failure a build failure that is not the model's (no toolchain, say): the project is
   *     written all the same and the failure reported after
   */
  record Outcome(String product, String levelLine, HostBuild.BuildException failure) {}

  static Outcome run(Path staged, Path outDir, String target, String prefix) throws IOException {
    boolean msp430 = dev.tenax.target.Targets.find(target).orElseThrow().family().equals("msp430");
    try {
      Path built = target.equals("host") ? HostBuild.build(staged, prefix) : HostBuild.make(staged, prefix + ".elf");
      String level = msp430 ? Msp430CodeLevel.read(staged, built).summary() : "";
      return new Outcome(staged.relativize(built).toString(), level, null);
    } catch (HostBuild.LinkOverflowException e) {
      throw new HostBuild.LinkOverflowException(LinkOverflow.notKept(e.diagnostic(), staged));
    } catch (HostBuild.BuildException e) {
      return new Outcome("", "", new HostBuild.BuildException(
          e.getMessage().replace(staged.toString(), outDir.toString())));
    }
  }
}
