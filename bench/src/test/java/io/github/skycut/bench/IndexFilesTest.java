package io.github.skycut.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class IndexFilesTest {

    @TempDir
    Path dir;

    private IndexFiles.Comparison compare(String skycut, String ckdtree) throws IOException {
        Path a = Files.writeString(dir.resolve("a.txt"), skycut);
        Path b = Files.writeString(dir.resolve("b.txt"), ckdtree);
        return IndexFiles.compare(a, b);
    }

    @Test
    void sameIndicesWhateverTheTrailingNewlinesAndSpaces() throws IOException {
        assertEquals(new IndexFiles.Comparison(true, 3, 3), compare("2\n3\n17\n", "2\n3 \n17"));
        assertEquals(new IndexFiles.Comparison(true, 0, 0), compare("", "\n"));
        assertEquals("same", compare("5\n", "5\n").describe("skycut", "cKDTree"));
    }

    @Test
    void differentIndicesReportTheCountOfEach() throws IOException {
        IndexFiles.Comparison c = compare("2\n3\n17\n", "2\n3\n");
        assertEquals(new IndexFiles.Comparison(false, 3, 2), c);
        assertEquals("differ: skycut 3, cKDTree 2", c.describe("skycut", "cKDTree"));
        assertEquals(new IndexFiles.Comparison(false, 2, 2), compare("2\n4\n", "2\n3\n"));
        assertEquals(new IndexFiles.Comparison(false, 0, 1), compare("", "9\n"));
    }

    @Test
    void countsAreGroupedByThousands() throws IOException {
        StringBuilder many = new StringBuilder();
        for (int i = 0; i < 1234; i++) {
            many.append(i).append('\n');
        }
        assertEquals("differ: skycut 1,234, cKDTree 1,233",
                compare(many.toString(), many.substring(0, many.lastIndexOf("1233"))).describe("skycut", "cKDTree"));
    }
}
