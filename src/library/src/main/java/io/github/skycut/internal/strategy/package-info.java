/**
 * The strategy seam: {@link io.github.skycut.internal.strategy.CutJob} (everything one cut needs),
 * {@link io.github.skycut.internal.strategy.CutStrategy} (a way of finding the cut objects, which
 * tests pairs only through the job's kernel), and brute force, the simplest strategy.
 *
 * <p>May import: the API's value types, {@code internal.kernel}, {@code internal.exec}.
 */
package io.github.skycut.internal.strategy;
