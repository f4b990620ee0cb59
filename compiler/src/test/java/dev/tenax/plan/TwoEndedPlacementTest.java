package dev.tenax.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TwoEndedPlacementTest {
  @Test
  void alternatesBottomAndTopAlongAChain() {
    List<BufferRequest> chain = List.of(new BufferRequest("a", 4, 4, 0, 1),
        new BufferRequest("b", 8, 4, 1, 2), new BufferRequest("c", 4, 4, 2, 3));
    assertArrayEquals(new long[] {0, 4, 0}, TwoEndedPlacement.place(chain, 12).orElseThrow());
  }

  @Test
  void declinesWhenThreeBuffersAreLiveTogether() {
    List<BufferRequest> three = List.of(new BufferRequest("a", 4, 1, 0, 2),
        new BufferRequest("b", 4, 1, 1, 2), new BufferRequest("c", 4, 1, 2, 2));
    assertTrue(TwoEndedPlacement.place(three, 12).isEmpty());
  }

  @Test
  void declinesWhenTheTopEndIsMisaligned() {
    // Peak 1 + 16 = 17: b flush at the top would start at 1, not 16-aligned.
    List<BufferRequest> pair = List.of(new BufferRequest("a", 1, 1, 0, 1), new BufferRequest("b", 16, 16, 1, 2));
    assertTrue(TwoEndedPlacement.place(pair, 17).isEmpty());
  }

  @Test
  void ignoresEmptyBuffers() {
    List<BufferRequest> withEmpty = List.of(new BufferRequest("a", 4, 1, 0, 1),
        new BufferRequest("z", 0, 1, 0, 1), new BufferRequest("b", 4, 1, 1, 1));
    assertArrayEquals(new long[] {0, 0, 4}, TwoEndedPlacement.place(withEmpty, 8).orElseThrow());
  }
}
