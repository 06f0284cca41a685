package io.github.skycut;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A result made with the mask packed 8 objects a word (what a run makes) counts and lists exactly
 * what one made from the bytes alone does: every length from 0 to 70 (whole words and tails),
 * masks empty, full, sparse and dense, cut objects on every byte of a word.
 */
class CutResultWordsTest {

    private static long[] words(byte[] mask) {
        long[] w = new long[(mask.length + 7) / 8];
        for (int i = 0; i < mask.length; i++) {
            w[i / 8] |= (long) (mask[i] & 0xFF) << (8 * (i % 8));
        }
        return w;
    }

    @Test
    void wordsGiveTheBytesAnswers() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int n = 0; n <= 70; n++) {
            for (double p : new double[] {0, 0.05, 0.5, 0.95, 1}) {
                byte[] mask = new byte[n];
                for (int i = 0; i < n; i++) {
                    mask[i] = (byte) (rnd.nextDouble() < p ? 1 : 0);
                }
                CutResult bytes = new CutResult(mask.clone(), KernelType.SCALAR, Strategy.BRUTE, 1);
                CutResult packed = new CutResult(mask.clone(), words(mask), KernelType.SCALAR, Strategy.BRUTE, 1);
                String what = n + " objects, share " + p;
                assertEquals(bytes.cutCount(), packed.cutCount(), what);
                assertArrayEquals(bytes.cutIndices(), packed.cutIndices(), what);
                assertArrayEquals(bytes.keptIndices(), packed.keptIndices(), what);
                int expected = 0;
                for (byte b : mask) {
                    expected += b;
                }
                assertEquals(expected, packed.cutCount(), what);
            }
        }
    }
}
