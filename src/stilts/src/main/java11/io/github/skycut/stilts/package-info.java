/**
 * skycut in STILTS and TOPCAT: what they load by name. {@link io.github.skycut.stilts.SkycutFilter}
 * (the {@code tpipe} filter), {@link io.github.skycut.stilts.SkycutFunctions} (the JEL function
 * {@code skycutNear}), {@link io.github.skycut.stilts.SkycutMatcher} (a {@code tmatch2} matcher)
 * and {@link io.github.skycut.stilts.SkycutStilts} (STILTS's main with the filter's short name).
 *
 * <p>Compiled for Java 11 from {@code src/main/java11}: they check the JVM (Java 25 and the skycut
 * library jar, {@code Jdk}) and say in one line what is missing; only then do they reach, by
 * reflection, the Java 25 classes in {@code io.github.skycut.stilts.internal}. They may import
 * STILTS (ttools, STIL) and the JDK, never skycut's classes.
 */
package io.github.skycut.stilts;
