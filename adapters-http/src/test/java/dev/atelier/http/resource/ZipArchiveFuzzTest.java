package dev.atelier.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.application.collaboration.ProjectArchive;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.http.config.JsonConfiguration;

/**
 * Fuzzes the ZIP importer ({@link ZipProjectArchives#read}, what {@code POST /api/projects/import}
 * does with the body before the use case sees it) with arbitrary bytes. The property: the only
 * failures are the domain errors that answer 400 or 413; an archive that is read has a JSON-object
 * manifest, at most {@link ProjectArchive#MAX_ENTRIES} entries, only safe relative paths and at
 * most {@link ProjectArchive#MAX_TOTAL_BYTES} inflated — never another exception, a hang or an
 * exhausted heap.
 *
 * <p>A normal build runs the inputs under {@code src/test/resources/dev/atelier/http/resource/
 * ZipArchiveFuzzTestInputs/} (seeds and every crash found so far); {@code scripts/fuzz.sh} fuzzes
 * for real.
 */
class ZipArchiveFuzzTest {
    private static final ZipProjectArchives ZIP = new ZipProjectArchives(
            new JsonConfiguration(64, 5 * 1024 * 1024, 16L * 1024 * 1024).configure(new ObjectMapper()));

    @FuzzTest(maxDuration = "30s")
    void reading_an_archive_fails_only_with_4xx_domain_errors(byte[] body) {
        ProjectArchive archive;
        try {
            archive = ZIP.read(body);
        } catch (InvalidInputException | PayloadTooLargeException expected) {
            return;
        }
        assertThat(archive.manifest()).isNotNull();
        assertThat(archive.files().size() + 1).isLessThanOrEqualTo(ProjectArchive.MAX_ENTRIES);
        long total = 0;
        for (var file : archive.files().entrySet()) {
            assertThat(ProjectArchive.requireSafePath(file.getKey())).isEqualTo(file.getKey());
            total += file.getValue().length;
        }
        assertThat(total).isLessThanOrEqualTo(ProjectArchive.MAX_TOTAL_BYTES);
    }
}
