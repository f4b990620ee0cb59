package dev.tenax.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BufferRequestTest {
  private static String rejection(Runnable build) {
    return assertThrows(IllegalArgumentException.class, build::run).getMessage();
  }

  @Test
  void rejectsNegativeSize() {
    assertEquals("buffer 'x': bytes must be >= 0, got -1", rejection(() -> new BufferRequest("x", -1, 4, 0, 0)));
  }

  @Test
  void rejectsAlignmentThatIsNotAPowerOfTwo() {
    for (int bad : new int[] {0, -4, 3, 12}) {
      assertEquals("buffer 'x': alignment must be a power of two >= 1, got " + bad,
          rejection(() -> new BufferRequest("x", 8, bad, 0, 0)));
    }
  }

  @Test
  void rejectsNegativeOrBackwardLifetime() {
    assertTrue(rejection(() -> new BufferRequest("x", 8, 4, -1, 2)).contains("0 <= firstStep <= lastStep, got [-1, 2]"));
    assertTrue(rejection(() -> new BufferRequest("x", 8, 4, 3, 2)).contains("got [3, 2]"));
  }

  @Test
  void rejectsMissingName() {
    assertEquals("buffer name must not be null or empty", rejection(() -> new BufferRequest("", 8, 4, 0, 0)));
    assertEquals("buffer name must not be null or empty", rejection(() -> new BufferRequest(null, 8, 4, 0, 0)));
  }

  @Test
  void padsToAlignment() {
    assertEquals(16, new BufferRequest("x", 9, 8, 0, 0).paddedBytes());
    assertEquals(8, new BufferRequest("x", 8, 8, 0, 0).paddedBytes());
    assertEquals(0, new BufferRequest("x", 0, 8, 0, 0).paddedBytes());
    assertEquals(3, new BufferRequest("x", 3, 1, 0, 0).paddedBytes());
  }

  @Test
  void lifetimesOverlapInclusively() {
    BufferRequest a = new BufferRequest("a", 1, 1, 0, 2);
    assertTrue(a.livesWith(new BufferRequest("b", 1, 1, 2, 3)));
    assertFalse(a.livesWith(new BufferRequest("c", 1, 1, 3, 4)));
  }
}
