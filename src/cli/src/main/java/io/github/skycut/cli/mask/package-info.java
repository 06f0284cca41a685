/**
 * The command line's survey-mask layers: {@code --layer SPEC} and {@code --layers FILE} read into
 * {@link io.github.skycut.cli.mask.LayerSpec}s (name, bit, contaminant catalogue, shape), checked
 * before any catalogue is opened. Written by hand: a layer is one comma-separated list of
 * {@code key=value} pairs, which no option library reads with messages that name the layer.
 */
package io.github.skycut.cli.mask;
