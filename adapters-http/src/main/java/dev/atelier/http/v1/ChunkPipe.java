package dev.atelier.http.v1;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A bounded pipe between a writer thread and whichever threads read the response body: at most
 * {@code chunks} chunks of {@code chunkBytes} in flight (unlike {@link java.io.PipedInputStream},
 * it does not care which pooled thread reads). The reader closing the pipe (client gone) makes the
 * writer fail on its next write; the writer failing makes the reader fail (the answer is cut, not
 * completed), and finishing normally gives the reader end-of-stream.
 */
final class ChunkPipe {
    private static final byte[] END = new byte[0];
    private static final byte[] FAILED = new byte[0];
    private static final int MAX_STALL_SECONDS = 300;

    private final BlockingQueue<byte[]> queue;
    private final int chunkBytes;
    private volatile boolean readerClosed;

    ChunkPipe(int chunks, int chunkBytes) {
        this.queue = new ArrayBlockingQueue<>(chunks);
        this.chunkBytes = chunkBytes;
    }

    private void put(byte[] chunk) throws IOException {
        if (readerClosed) {
            throw new IOException("the client stopped reading");
        }
        try {
            int waited = 0;
            while (!queue.offer(chunk, 1, TimeUnit.SECONDS)) {
                if (readerClosed) {
                    throw new IOException("the client stopped reading");
                }
                if (++waited > MAX_STALL_SECONDS) {
                    throw new IOException("the client read nothing for " + MAX_STALL_SECONDS + " seconds");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while streaming", e);
        }
    }

    /** The writing end; {@link #fail} instead of close when the export broke. */
    final class Sink extends OutputStream {
        private byte[] buffer = new byte[chunkBytes];
        private int used;
        private boolean done;

        @Override
        public void write(int b) throws IOException {
            if (used == buffer.length) {
                flushChunk();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            while (len > 0) {
                if (used == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(len, buffer.length - used);
                System.arraycopy(b, off, buffer, used, n);
                used += n;
                off += n;
                len -= n;
            }
        }

        private void flushChunk() throws IOException {
            if (used > 0) {
                put(Arrays.copyOf(buffer, used));
                used = 0;
            }
        }

        @Override
        public void close() throws IOException {
            if (!done) {
                done = true;
                flushChunk();
                put(END);
            }
        }

        void fail() {
            if (!done) {
                done = true;
                used = 0;
                try {
                    put(FAILED);
                } catch (IOException ignored) {
                    // the reader is gone already
                }
            }
        }
    }

    /** The reading end. */
    final class Source extends InputStream {
        private byte[] current = new byte[0];
        private int position;
        private boolean finished;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n == -1 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (position == current.length) {
                if (finished) {
                    return -1;
                }
                byte[] next;
                try {
                    next = queue.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while streaming", e);
                }
                if (next == END) {
                    finished = true;
                    return -1;
                }
                if (next == FAILED) {
                    finished = true;
                    throw new IOException("the export failed while it was being written");
                }
                current = next;
                position = 0;
            }
            int n = Math.min(len, current.length - position);
            System.arraycopy(current, position, b, off, n);
            position += n;
            return n;
        }

        @Override
        public void close() {
            readerClosed = true;
            queue.clear();
        }
    }

    Sink sink() {
        return new Sink();
    }

    Source source() {
        return new Source();
    }
}
