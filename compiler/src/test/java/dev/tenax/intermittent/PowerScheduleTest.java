package dev.tenax.intermittent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tenax.diag.UsageException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** The first-writes schedules: which first-written words the power fails at, and what is refused. */
class PowerScheduleTest {
  @Test
  void firstWritesFailsAtEveryStrideThWord() throws Exception {
    PowerSchedule s = PowerSchedule.parse("first-writes:3");
    assertTrue(s.onFirstWrites());
    assertFalse(s.onNvmWrites());
    assertEquals(List.of(3L, 6L, 9L), LongStream.rangeClosed(1, 10).filter(s::failsAtFirstWrite).boxed().toList());
    assertEquals(Long.MAX_VALUE, s.lastFirstWrite());
  }

  @Test
  void atFirstWritesFailsAtTheListedWordsOnly() throws Exception {
    PowerSchedule s = PowerSchedule.parse("at-first-writes:7,2,7");
    assertEquals(List.of(2L, 7L), LongStream.rangeClosed(1, 10).filter(s::failsAtFirstWrite).boxed().toList());
    assertEquals(7, s.lastFirstWrite());
    // the host harness's schedule file: kind 6, two counts, the counts as given (not scaled to ticks)
    ByteBuffer b = ByteBuffer.wrap(s.firmwareFile(0, 25_000_000)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(List.of(6, 2, 2, 7), List.of(b.getInt(), b.getInt(), b.getInt(), b.getInt()));
    assertFalse(b.hasRemaining());
  }

  /**
   * The firmware fails at most once per SysTick tick (40 instructions at 25 MHz): points closer than
   * that take the following ticks instead of collapsing into one failure.
   */
  @Test
  void atPointsInOneTickBecomeOneFailureEachInTheFollowingTicks() throws Exception {
    PowerSchedule s = PowerSchedule.parse("at:100,110,120,4000");
    ByteBuffer b = ByteBuffer.wrap(s.firmwareFile(0, 25_000_000)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(List.of(2, 4, 3, 4, 5, 100), List.of(b.getInt(), b.getInt(), b.getInt(), b.getInt(), b.getInt(),
        b.getInt()));
    assertFalse(b.hasRemaining());
  }

  @Test
  void otherSchedulesFailAtNoFirstWrite() throws Exception {
    for (String spec : List.of("none", "nvm-writes:1", "at-nvm-writes:1,2", "every:5")) {
      PowerSchedule s = PowerSchedule.parse(spec);
      assertFalse(s.onFirstWrites(), spec);
      assertFalse(LongStream.rangeClosed(1, 10).anyMatch(s::failsAtFirstWrite), spec);
    }
  }

  @Test
  void malformedFirstWritesSchedulesAreRefusedWithTheFormats() {
    for (String spec : List.of("first-writes:0", "first-writes:", "first-writes:2:3", "at-first-writes:1,x")) {
      UsageException e = assertThrows(UsageException.class, () -> PowerSchedule.parse(spec), spec);
      assertTrue(e.getMessage().contains("at-first-writes:F1,F2,..."), e.getMessage());
    }
  }
}
