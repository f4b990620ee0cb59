package dev.tenax.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The orders in which {@link GreedyPlacement} may place buffers. No order wins on every graph,
 * so the planner tries them all. Every order ends its ties on the buffer name (unique), so the
 * offsets never depend on the order of the request list.
 */
enum PlacementOrder {
  /** Big buffers first: they are the hardest to fit into gaps later (TFLM's default). */
  SIZE_DESCENDING("greedy-by-size", Comparator.<BufferRequest>comparingLong(x -> -x.paddedBytes())),
  /** Execution order: mirrors how a stack allocator would see the buffers, good on chains of growing tensors. */
  FIRST_USE("greedy-by-first-use", Comparator.<BufferRequest>comparingInt(BufferRequest::firstStep)
      .thenComparingLong(x -> -x.paddedBytes())),
  /** Buffers that occupy the most byte-steps first: a long-lived small buffer blocks as much as a short big one. */
  AREA_DESCENDING("greedy-by-size-x-lifetime", Comparator.<BufferRequest>comparingDouble(
      x -> -(double) x.paddedBytes() * (x.lastStep() - x.firstStep() + 1))
      .thenComparingLong(x -> -x.paddedBytes()));

  private final String label;
  private final Comparator<BufferRequest> key;

  PlacementOrder(String label, Comparator<BufferRequest> key) {
    this.label = label;
    this.key = key.thenComparing(BufferRequest::name);
  }

  String label() {
    return label;
  }

  /** The label of a plan placed in a {@link #shuffled} order. */
  static final String SHUFFLED_LABEL = "greedy-by-shuffled-order";

  /** The buffers sorted by name, then shuffled with {@code seed}: the same order for the same set of requests. */
  static List<Integer> shuffled(List<BufferRequest> requests, long seed) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      order.add(i);
    }
    order.sort(Comparator.comparing(i -> requests.get(i).name()));
    Collections.shuffle(order, new Random(seed));
    return order;
  }

  List<Integer> sort(List<BufferRequest> requests) {
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> key.compare(requests.get(a), requests.get(b)));
    return order;
  }
}
