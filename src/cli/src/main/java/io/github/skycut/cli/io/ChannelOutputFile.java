package io.github.skycut.cli.io;

import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.PositionOutputStream;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A local Parquet file for parquet-java's writer, written through a {@link FileChannel} from a
 * buffer of {@link #BUFFER} bytes. parquet-java hands a row group's pages to its output stream
 * through {@code Channels.newChannel}, 8 KiB at a time; behind its own {@code LocalOutputFile} (a
 * 4 KiB buffer) each of those became a system call: 35,000 of them for a 280 MB file, 281 with
 * this. On a local disk that cost little (the same time within the noise, section 18 of
 * docs/performance.md); on the network and parallel file systems survey catalogues live on, small
 * writes are what costs.
 */
final class ChannelOutputFile implements OutputFile {

    /** Bytes gathered before a write to the file. */
    static final int BUFFER = 1 << 20;

    private final Path path;

    ChannelOutputFile(Path path) {
        this.path = path;
    }

    @Override
    public PositionOutputStream create(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE_NEW);
    }

    @Override
    public PositionOutputStream createOrOverwrite(long blockSizeHint) throws IOException {
        return open(StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
    }

    @Override
    public boolean supportsBlockSize() {
        return false;
    }

    @Override
    public long defaultBlockSize() {
        return -1;
    }

    @Override
    public String getPath() {
        return path.toString();
    }

    private PositionOutputStream open(OpenOption... how) throws IOException {
        OpenOption[] options = java.util.Arrays.copyOf(how, how.length + 1);
        options[how.length] = StandardOpenOption.WRITE;
        return new Stream(FileChannel.open(path, options));
    }

    /** The bytes written, gathered in a direct buffer and written to the channel a megabyte at a time. */
    private static final class Stream extends PositionOutputStream {
        private final FileChannel channel;
        private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
        private long position;
        private boolean closed;

        Stream(FileChannel channel) {
            this.channel = channel;
        }

        @Override
        public long getPos() {
            return position;
        }

        @Override
        public void write(int b) throws IOException {
            if (!buffer.hasRemaining()) {
                drain();
            }
            buffer.put((byte) b);
            position++;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            java.util.Objects.checkFromIndexSize(off, len, b.length);
            for (int done = 0; done < len; ) {
                if (!buffer.hasRemaining()) {
                    drain();
                }
                int n = Math.min(len - done, buffer.remaining());
                buffer.put(b, off + done, n);
                done += n;
            }
            position += len;
        }

        @Override
        public void flush() throws IOException {
            drain();
        }

        private void drain() throws IOException {
            buffer.flip();
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            buffer.clear();
        }

        @Override
        public void close() throws IOException {
            if (closed) {
                return;
            }
            closed = true;
            try (FileChannel c = channel) {
                drain();
            }
        }
    }
}
