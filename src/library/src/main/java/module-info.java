/**
 * skycut: the angular distance cut of a sky catalogue against contaminants. The API is the one
 * package {@code io.github.skycut}; everything under {@code io.github.skycut.internal} is the
 * implementation and is not exported.
 *
 * <p>The Vector API is optional ({@code requires static}): run with
 * {@code --add-modules jdk.incubator.vector} to enable the vector kernel. The native kernel needs
 * native access for this module: {@code --enable-native-access=io.github.skycut} on the module
 * path, {@code --enable-native-access=ALL-UNNAMED} on the class path.
 */
module io.github.skycut {
    requires static jdk.incubator.vector;
    requires java.logging;

    exports io.github.skycut;
}
