package dev.tenax.report;

import dev.tenax.ir.TensorType;
import java.util.List;

/** One node of a model summary: what it is, what it produces, its weights and its cost. */
public record NodeRow(String name, String opType, List<TensorType> outputs, long parameters, long macs,
    List<String> annotations) {}
