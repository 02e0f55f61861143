package dev.atelier.http.config;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Makes Jackson refuse JSON bytes that are not strictly valid UTF-8 (RFC 3629), before it reads
 * them. Jackson's own decoder rejects most broken sequences but accepts overlong forms: {@code C0
 * AF} would become {@code '/'} in a name, the classic way past a check on the decoded text. The
 * JDK's decoder refuses overlong forms, encoded surrogates, truncated and stray bytes; the failure
 * is a {@link JsonParseException}, so callers answer it like any malformed JSON (400).
 *
 * <p>It also keeps Jackson from guessing another encoding: Jackson reads a NUL among the first four
 * bytes as UTF-16 or UTF-32 and then fails with a {@code CharConversionException}, an I/O error
 * rather than a JSON one (found by {@code ExportImportFuzzTest}). JSON exchanged between systems
 * is UTF-8 (RFC 8259), and no UTF-8 JSON text starts with a NUL: such input is refused here.
 */
final class StrictUtf8 extends InputDecorator {
    private static final long serialVersionUID = 1L;

    @Override
    public InputStream decorate(IOContext context, InputStream in) {
        return new Checking(in);
    }

    @Override
    public InputStream decorate(IOContext context, byte[] src, int offset, int length) throws IOException {
        for (int i = 0; i < Math.min(length, 4); i++) {
            if (src[offset + i] == 0) {
                throw notUtf8();
            }
        }
        CharsetDecoder decoder = decoder();
        ByteBuffer bytes = ByteBuffer.wrap(src, offset, length);
        CharBuffer scratch = CharBuffer.allocate(4096);
        while (true) {
            CoderResult result = decoder.decode(bytes, scratch, true);
            if (result.isError()) {
                throw invalid(bytes.position() - offset);
            }
            scratch.clear();
            if (result.isUnderflow()) {
                break;
            }
        }
        return null; // valid: Jackson reads the array itself
    }

    @Override
    public Reader decorate(IOContext context, Reader reader) {
        return null; // characters already
    }

    private static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    private static JsonParseException notUtf8() {
        return new JsonParseException(null, "JSON must be encoded in UTF-8 (a NUL byte at its start)");
    }

    private static JsonParseException invalid(long at) {
        return new JsonParseException(null, "Invalid UTF-8 byte sequence at byte " + at);
    }

    /** Checks the bytes as they are read; an incomplete sequence at a read's end waits for the next. */
    private static final class Checking extends FilterInputStream {
        private final CharsetDecoder decoder = decoder();
        private final CharBuffer scratch = CharBuffer.allocate(4096);
        private byte[] carry = new byte[0];
        private long offset;

        Checking(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n <= 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            check(b, off, Math.max(n, 0), n < 0);
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            byte[] skipped = new byte[(int) Math.min(n, 8192)];
            int read = read(skipped, 0, skipped.length);
            return Math.max(read, 0);
        }

        private void check(byte[] b, int off, int n, boolean end) throws IOException {
            for (int i = 0; i < n && offset + i < 4; i++) {
                if (b[off + i] == 0) {
                    throw notUtf8();
                }
            }
            ByteBuffer bytes;
            if (carry.length == 0) {
                bytes = ByteBuffer.wrap(b, off, n);
            } else {
                bytes = ByteBuffer.allocate(carry.length + n)
                        .put(carry)
                        .put(b, off, n)
                        .flip();
            }
            long start = offset - carry.length;
            while (true) {
                CoderResult result = decoder.decode(bytes, scratch, end);
                if (result.isError()) {
                    throw invalid(start + bytes.position());
                }
                scratch.clear();
                if (result.isUnderflow()) {
                    break;
                }
            }
            if (end && bytes.hasRemaining()) {
                throw invalid(start + bytes.position());
            }
            carry = new byte[bytes.remaining()];
            bytes.get(carry);
            offset += n;
        }
    }
}
