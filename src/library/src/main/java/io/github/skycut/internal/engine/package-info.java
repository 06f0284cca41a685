/**
 * The engine behind {@link io.github.skycut.PreparedCut}: what a prepared cut holds (the
 * contaminants' copy, the thresholds, the kernel, the plan, the index built on first use), which
 * strategy runs a batch, the one-object queries (answered by the strategy itself), and the close
 * protocol (a close waits for the runs in progress). The API class only checks arguments and wraps
 * results.
 *
 * <p>May import: the API's value types, {@code internal.plan}, {@code internal.index},
 * {@code internal.strategy}, {@code internal.kernel}, {@code internal.exec}.
 */
package io.github.skycut.internal.engine;
