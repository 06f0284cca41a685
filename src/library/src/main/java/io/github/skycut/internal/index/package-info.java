/**
 * The zones index strategy: declination zones with right-ascension bins over the contaminants,
 * objects cut a cache-sized block at a time; its grids ({@link io.github.skycut.internal.index.IndexPlan})
 * are given to it.
 *
 * <p>May import: the API's value types, {@code internal.strategy}, {@code internal.kernel},
 * {@code internal.exec}. Never {@code internal.plan}.
 */
package io.github.skycut.internal.index;
