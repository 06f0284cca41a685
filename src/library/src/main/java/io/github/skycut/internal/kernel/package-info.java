/**
 * The kernels: {@link io.github.skycut.internal.kernel.CutKernel}, one class per variant (scalar,
 * the reference; Vector API; native C through FFM) and {@link io.github.skycut.internal.kernel.Kernels},
 * which loads them once and says why one could not load. {@link io.github.skycut.internal.kernel.Nearest}
 * is the state and the rule of the nearest-contaminant search each variant implements.
 *
 * <p>May import: the API's value types ({@code SkyPoints}, {@code KernelType}) and the JDK; no other
 * internal package.
 */
package io.github.skycut.internal.kernel;
