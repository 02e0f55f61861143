package dev.atelier.http.limits;

import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Value;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server's place on disk for request bodies while they are read: multipart parts beyond a
 * small threshold (Micronaut writes them here as they arrive) and spooled imports. Every server
 * process takes a directory of its own under {@code atelier.uploads.directory} and holds a lock on
 * it while it runs; at start-up it deletes every sibling directory whose lock nobody holds, which
 * is what a killed predecessor leaves behind. A request's files are deleted when it ends (by
 * Micronaut for parts, by the importer for spooled bodies); the directory itself when the server
 * stops.
 */
@Context
public final class UploadArea {
    private static final Logger LOG = LoggerFactory.getLogger(UploadArea.class);
    private static final String LOCK = ".lock";
    /**
     * The directories of the servers running in this JVM. Their lock files must never be opened
     * here: on Linux, closing any descriptor of a file drops every lock this process holds on it,
     * so merely probing a sibling's lock would free it for the next process that sweeps.
     */
    private static final Set<Path> RUNNING_HERE = ConcurrentHashMap.newKeySet();

    private final Path root;
    private final Path directory;
    private final FileChannel lockChannel;
    private final FileLock lock;

    UploadArea(@Value("${atelier.uploads.directory}") String root) {
        try {
            this.root = Files.createDirectories(Path.of(root).toAbsolutePath().normalize());
            this.directory = Files.createDirectory(this.root.resolve("server-" + UUID.randomUUID()));
            this.lockChannel =
                    FileChannel.open(directory.resolve(LOCK), StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            this.lock = lockChannel.lock();
            RUNNING_HERE.add(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("the upload directory " + root + " cannot be used", e);
        }
        int swept = sweep();
        if (swept > 0) {
            LOG.info("removed {} upload directories left by servers that did not stop cleanly", swept);
        }
    }

    /** An upload area of its own in a new temporary directory (outside a server: tests and fuzzing). */
    public static UploadArea temporary() {
        try {
            return new UploadArea(Files.createTempDirectory("atelier-uploads-").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** This server's directory: multipart parts and spooled bodies are written here. */
    public Path directory() {
        return directory;
    }

    /** A new empty file in this server's directory, for one request; its caller deletes it. */
    public Path newFile(String prefix, String suffix) {
        try {
            return Files.createTempFile(directory, prefix, suffix);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes what no running server owns: directories whose lock can be taken, and stray files. */
    int sweep() {
        int swept = 0;
        try (Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (!entry.equals(directory) && abandoned(entry)) {
                    deleteTree(entry);
                    swept++;
                }
            }
        } catch (IOException e) {
            LOG.warn("the upload directory {} could not be swept: {}", root, e.toString());
        }
        return swept;
    }

    private static boolean abandoned(Path entry) {
        if (RUNNING_HERE.contains(entry)) {
            return false;
        }
        if (!Files.isDirectory(entry)) {
            return true;
        }
        Path lockFile = entry.resolve(LOCK);
        if (!Files.exists(lockFile)) {
            // a server creates its lock right after its directory: give a starting one time
            return olderThanAMinute(entry);
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock taken = channel.tryLock();
            if (taken == null) {
                return false; // another process runs there
            }
            taken.release();
            return true;
        } catch (OverlappingFileLockException | IOException e) {
            return false;
        }
    }

    private static boolean olderThanAMinute(Path entry) {
        try {
            return Files.getLastModifiedTime(entry)
                    .toInstant()
                    .isBefore(Instant.now().minusSeconds(60));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteTree(Path top) {
        try {
            Files.walkFileTree(top, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException failure) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (NoSuchFileException gone) {
            // removed meanwhile by another starting server
        } catch (IOException e) {
            LOG.warn("{} could not be removed: {}", top, e.toString());
        }
    }

    @PreDestroy
    void close() {
        RUNNING_HERE.remove(directory);
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debug("upload directory lock not released: {}", e.toString());
        }
        deleteTree(directory);
    }
}
