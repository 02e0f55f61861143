package dev.atelier.http.limits;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;

/**
 * A client that writes HTTP/1.1 bytes straight onto a socket: what a hostile client sends (headers
 * without the body they announce, a body trickled a byte at a time, oversized lines), which
 * well-behaved clients like the JDK's refuse to send.
 */
final class RawHttp implements AutoCloseable {
    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;

    RawHttp(URI server, Duration readTimeout) {
        try {
            socket = new Socket(server.getHost(), server.getPort());
            socket.setSoTimeout((int) readTimeout.toMillis());
            out = socket.getOutputStream();
            in = socket.getInputStream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes {@code text} (ISO-8859-1, as HTTP/1.1 heads are) and flushes; false once the server hung up. */
    boolean write(String text) {
        return write(text.getBytes(StandardCharsets.ISO_8859_1));
    }

    boolean write(byte[] bytes) {
        try {
            out.write(bytes);
            out.flush();
            return true;
        } catch (IOException closedByServer) {
            return false;
        }
    }

    /** Everything the server sends until it closes the connection or stays silent for the read timeout. */
    Answer read() {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        boolean closed = false;
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1; ) {
                received.write(buffer, 0, n);
                if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
                    return new Answer(received.toString(StandardCharsets.UTF_8), hungUp());
                }
            }
            closed = true;
        } catch (SocketTimeoutException silent) {
            // the server said all it had to say, or nothing
        } catch (SocketException reset) {
            closed = true;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Answer(received.toString(StandardCharsets.UTF_8), closed);
    }

    /** After a whole answer: whether the server closes the connection (within a moment). */
    private boolean hungUp() throws IOException {
        int timeout = socket.getSoTimeout();
        socket.setSoTimeout(500);
        try {
            return in.read() == -1;
        } catch (SocketTimeoutException open) {
            return false;
        } catch (SocketException reset) {
            return true;
        } finally {
            socket.setSoTimeout(timeout);
        }
    }

    /** Whether {@code text} holds a whole answer (Content-Length or chunked body). */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            String lower = line.toLowerCase(Locale.ROOT);
            if (lower.startsWith("content-length:")) {
                int length = Integer.parseInt(line.substring(15).strip());
                return text.length() - end - 4 >= length;
            }
            if (lower.startsWith("transfer-encoding:") && lower.contains("chunked")) {
                return text.endsWith("\r\n0\r\n\r\n");
            }
        }
        return false;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing a test socket
        }
    }

    /** An answer as received: the raw text and whether the server ended the connection. */
    record Answer(String text, boolean closed) {
        int status() {
            if (!text.startsWith("HTTP/1.1 ")) {
                return -1;
            }
            return Integer.parseInt(text.substring(9, 12));
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }
}
