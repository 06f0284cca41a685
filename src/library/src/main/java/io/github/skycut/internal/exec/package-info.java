/**
 * Execution: {@link io.github.skycut.internal.exec.Partitioner} splits a range of work into
 * ForkJoin tasks that own disjoint slices, and returns only when every started slice has finished.
 *
 * <p>May import: the JDK only.
 */
package io.github.skycut.internal.exec;
