package dev.atelier.http.resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.collaboration.ProjectArchive;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.PayloadTooLargeException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

class ZipProjectArchivesTest {
    private final ZipProjectArchives zips = new ZipProjectArchives(new ObjectMapper());

    static byte[] zip(Map<String, byte[]> entries) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    private static byte[] manifest() {
        return "{\"format\":\"atelier.project.archive\",\"format_version\":1}".getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writes_and_reads_back_the_manifest_and_files() {
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", ProjectArchive.FORMAT);
        manifest.put("documents", List.of(Map.of("path", "documents/0001/a.csv")));
        byte[] bytes =
                zips.write(new ProjectArchive(manifest, Map.of("documents/0001/a.csv", "a,b\n1,2\n".getBytes())));

        ProjectArchive back = zips.read(bytes);

        assertThat(back.manifest()).isEqualTo(manifest);
        assertThat(back.files()).containsOnlyKeys("documents/0001/a.csv");
        assertThat(back.files().get("documents/0001/a.csv")).isEqualTo("a,b\n1,2\n".getBytes());
    }

    @Test
    void rejects_zip_slip_entry_names() throws IOException {
        for (String evil : List.of("../../etc/passwd", "/abs.txt", "dir\\..\\x", "C:/x")) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            entries.put("manifest.json", manifest());
            entries.put(evil, new byte[] {1});
            byte[] bytes = zip(entries);
            assertThatThrownBy(() -> zips.read(bytes))
                    .as(evil)
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("unsafe");
        }
    }

    @Test
    void rejects_too_many_entries() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("manifest.json", manifest());
        for (int i = 0; i < ProjectArchive.MAX_ENTRIES + 5; i++) {
            entries.put("documents/" + i + ".txt", new byte[] {1});
        }
        byte[] bytes = zip(entries);
        assertThatThrownBy(() -> zips.read(bytes))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("entries");
    }

    @Test
    void rejects_a_bomb_early() throws IOException {
        byte[] zeros = new byte[20 * 1024 * 1024];
        byte[] bytes = zip(Map.of("manifest.json", manifest(), "documents/zeros.bin", zeros));
        assertThat(bytes.length).isLessThan(zeros.length / 200);
        assertThatThrownBy(() -> zips.read(bytes))
                .isInstanceOf(PayloadTooLargeException.class)
                .hasMessageContaining("bomb");
    }

    @Test
    void rejects_duplicates_garbage_and_a_missing_manifest() throws IOException {
        assertThatThrownBy(() -> zips.read("not a zip at all".getBytes())).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> zips.read(new byte[0])).isInstanceOf(InvalidInputException.class);
        byte[] noManifest = zip(Map.of("documents/a.txt", new byte[] {1}));
        assertThatThrownBy(() -> zips.read(noManifest))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("manifest.json");
        byte[] badJson = zip(Map.of("manifest.json", "{nope".getBytes()));
        assertThatThrownBy(() -> zips.read(badJson))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("not valid JSON");
        byte[] arrayManifest = zip(Map.of("manifest.json", "[1,2]".getBytes()));
        assertThatThrownBy(() -> zips.read(arrayManifest))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("object");
    }

    @Test
    void rejects_the_same_entry_twice() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // ZipOutputStream refuses duplicate names, so write two archives' worth by hand-renaming
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("manifest.json"));
            zip.write(manifest());
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("documents/a.txt"));
            zip.write(1);
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("documents/b.txt"));
            zip.write(2);
            zip.closeEntry();
        }
        byte[] bytes = out.toByteArray();
        String text = new String(bytes, StandardCharsets.ISO_8859_1).replace("documents/b.txt", "documents/a.txt");
        byte[] duplicated = text.getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> zips.read(duplicated))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("twice");
    }
}
