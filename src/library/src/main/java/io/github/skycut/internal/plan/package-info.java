/**
 * The planner: the one place where AUTO becomes a strategy and grids, from the sizes, the radius,
 * the threads and the kernel, through a measured cost model. Only {@code AngularCut} calls it.
 *
 * <p>May import: the API's value types, {@code internal.strategy}, {@code internal.index},
 * {@code internal.kernel}, {@code internal.exec}. Nothing internal imports it.
 */
package io.github.skycut.internal.plan;
