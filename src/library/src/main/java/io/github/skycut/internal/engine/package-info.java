/**
 * The engine behind {@link io.github.skycut.PreparedCut}: what a prepared cut holds (the
 * contaminants' copy, the thresholds, the kernel, the plan, the index built on first use), which
 * strategy runs a batch, the one-object queries (answered by the strategy itself), and the close
 * protocol (a close waits for the runs in progress). The API class only checks arguments and wraps
 * results.
 *
 * <p>The engine behind {@link io.github.skycut.PreparedMask}: {@link
 * io.github.skycut.internal.engine.MaskEngine} (the layers, the one pass over a batch: each slice of
 * objects meets every layer in turn through its strategy's {@code slices}) and {@link
 * io.github.skycut.internal.engine.MaskLayer} (one layer's contaminants, shape, plan and index).
 *
 * <p>May import: the API's value types, {@code internal.plan}, {@code internal.index},
 * {@code internal.strategy}, {@code internal.kernel}, {@code internal.exec}.
 */
package io.github.skycut.internal.engine;
