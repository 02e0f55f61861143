package dev.atelier.http.faults;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own (initdb into a temporary directory, its own port and
 * socket directory) that the test may stop and start at will, never the shared server on 5432. Needs
 * the PostgreSQL server binaries ({@code /usr/lib/postgresql/<version>/bin} or {@code
 * ATELIER_TEST_POSTGRES_BIN}); as root the cluster runs as the {@code postgres} user through
 * {@code runuser}, since PostgreSQL refuses to run as root.
 */
final class PrivatePostgres implements AutoCloseable {
    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    private boolean running;

    private PrivatePostgres(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** The directory of {@code pg_ctl} and {@code initdb}, if the server binaries are installed. */
    static Optional<Path> binaries() {
        String configured = System.getenv("ATELIER_TEST_POSTGRES_BIN");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(p -> Files.isExecutable(p.resolve("pg_ctl")));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(
                            b -> b.getParent().getFileName().toString(),
                            Comparator.comparingInt(PrivatePostgres::major)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int major(String version) {
        try {
            return Integer.parseInt(version.replaceAll("[^0-9].*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** initdb and start a new cluster on a free port. */
    static PrivatePostgres start(Path bin) {
        try {
            Path dir = Files.createTempDirectory("atelier-pg-");
            boolean root = "root".equals(System.getProperty("user.name"));
            PrivatePostgres pg = new PrivatePostgres(bin, dir, freePort(), root);
            if (root) {
                pg.run(List.of("chown", "postgres", dir.toString()), false);
            }
            pg.run(
                    List.of(
                            bin.resolve("initdb").toString(),
                            "-D",
                            dir.resolve("data").toString(),
                            "-A",
                            "trust",
                            "-U",
                            "postgres",
                            "--no-sync"),
                    true);
            pg.start();
            return pg;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    String url() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    Map<String, Object> properties() {
        return Map.of(
                "datasources.default.url", url(),
                "datasources.default.username", "postgres",
                "datasources.default.password", "");
    }

    /** Starts the cluster (again) on the same port and data directory; returns when it accepts connections. */
    void start() {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-o",
                        "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1",
                        "-l",
                        dir.resolve("server.log").toString(),
                        "-w",
                        "start"),
                true);
        running = true;
    }

    /** Stops the cluster the hard way (immediate: no checkpoint, connections cut, crash recovery on start). */
    void stopImmediately() {
        run(
                List.of(
                        bin.resolve("pg_ctl").toString(),
                        "-D",
                        dir.resolve("data").toString(),
                        "-m",
                        "immediate",
                        "-w",
                        "stop"),
                true);
        running = false;
    }

    private void run(List<String> command, boolean asPostgres) {
        List<String> full = new ArrayList<>();
        if (asPostgres && asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        try {
            File log = dir.resolve("commands.log").toFile();
            Process p = new ProcessBuilder(full)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log))
                    .start();
            if (!p.waitFor(60, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("timed out: " + full);
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException(
                        "failed (" + p.exitValue() + "): " + full + "\n" + Files.readString(log.toPath()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        try {
            if (running) {
                stopImmediately();
            }
        } finally {
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException ignored) {
                // a temporary directory
            }
        }
    }
}
