package dev.atelier.llm;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.HttpURLConnection;
import java.net.Proxy;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Run in a fresh JVM by {@link TrackingOptOutTest}: replaces the JDK's http/https URL handlers
 * with one that records every URL a connection is opened for and refuses to connect, so nothing
 * leaves the machine either way (DJL opens its connections with {@code Proxy.NO_PROXY}, so a
 * ProxySelector would not see them). Loads the embedding model either through {@link MiniLmEmbeddings} ("atelier") or directly
 * ("bare", the control), embeds a sentence, and prints the non-loopback URLs it saw.
 */
public final class TrackingProbe {
    private TrackingProbe() {}

    public static void main(String[] args) throws IOException {
        List<URL> seen = new CopyOnWriteArrayList<>();
        URL.setURLStreamHandlerFactory(protocol -> {
            if (!protocol.equals("http") && !protocol.equals("https")) {
                return null; // the JDK's own handler
            }
            return new URLStreamHandler() {
                @Override
                protected URLConnection openConnection(URL u) {
                    return openConnection(u, null);
                }

                @Override
                protected URLConnection openConnection(URL u, Proxy p) {
                    seen.add(u);
                    return new HttpURLConnection(u) {
                        @Override
                        public void connect() throws IOException {
                            throw new ConnectException("blocked by the tracking probe");
                        }

                        @Override
                        public InputStream getInputStream() throws IOException {
                            connect();
                            return null;
                        }

                        @Override
                        public OutputStream getOutputStream() throws IOException {
                            connect();
                            return null;
                        }

                        @Override
                        public int getResponseCode() throws IOException {
                            connect();
                            return -1;
                        }

                        @Override
                        public void disconnect() {}

                        @Override
                        public boolean usingProxy() {
                            return false;
                        }
                    };
                }
            };
        });
        if (args.length > 0 && args[0].equals("bare")) {
            new AllMiniLmL6V2QuantizedEmbeddingModel().embed("quarterly churn by customer segment");
        } else {
            MiniLmEmbeddings.embed("quarterly churn by customer segment");
        }
        for (URL uri : seen) {
            String host = uri.getHost();
            boolean loopback =
                    host != null && (host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]"));
            if (!loopback) {
                System.out.println("OUTBOUND " + uri);
            }
        }
        System.out.println("PROBE DONE");
    }
}
