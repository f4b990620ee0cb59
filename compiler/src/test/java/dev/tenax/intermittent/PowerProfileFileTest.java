package dev.tenax.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.UsageException;
import dev.tenax.target.Target;
import dev.tenax.target.Targets;
import org.junit.jupiter.api.Test;

/** A measured power profile replaces the numbers it gives and keeps the target's other defaults. */
class PowerProfileFileTest {
  private static final Target FR5994 = Targets.find("msp430fr5994").orElseThrow();

  @Test
  void anEmptyProfileIsTheTargetsDefaults() throws Exception {
    assertEquals(PowerModel.of(FR5994), PowerProfileFile.parse("# nothing measured yet\n\n", "p", FR5994));
  }

  @Test
  void givenNumbersReplaceTheDefaults() throws Exception {
    PowerModel m = PowerProfileFile.parse("active_ua_per_mhz = 200\nsupply_volts=3.0 # at the regulator\n"
        + "boot_cycles = 5000\nmac_cycles = 21.5\n", "p", FR5994);
    PowerModel d = PowerModel.of(FR5994);
    assertEquals(200e-12 * 3.0, m.joulesPerCycle(), 1e-20);
    assertEquals(5000, m.bootCycles());
    assertEquals(21.5, m.macCycles());
    assertEquals(d.commitCycles(), m.commitCycles());
    assertEquals(d.floatElementCycles(), m.floatElementCycles());
    assertEquals(d.quantizeElementCycles(), m.quantizeElementCycles());
    assertEquals(900, PowerProfileFile.parse("quantize_element_cycles = 900", "p", FR5994).quantizeElementCycles());
    // the supply alone keeps the default current per MHz
    PowerModel volts = PowerProfileFile.parse("supply_volts = 4.2", "p", FR5994);
    assertEquals(PowerModel.activeAmpsPerHz(FR5994) * 4.2, volts.joulesPerCycle(), 1e-20);
  }

  @Test
  void mistakesNameTheLineAndTheKeys() {
    UsageException unknown = assertThrows(UsageException.class,
        () -> PowerProfileFile.parse("mac_cycles = 3\nclock_mhz = 16\n", "board.power", FR5994));
    assertTrue(unknown.getMessage().startsWith("board.power:2: expected 'key = number' with a key of active_ua_per_mhz"),
        unknown.getMessage());
    UsageException negative = assertThrows(UsageException.class,
        () -> PowerProfileFile.parse("boot_cycles = -1", "board.power", FR5994));
    assertTrue(negative.getMessage().contains("boot_cycles must be a positive number"), negative.getMessage());
  }
}
