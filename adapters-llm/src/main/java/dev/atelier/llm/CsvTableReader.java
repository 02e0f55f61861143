package dev.atelier.llm;

import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.model.ExtractedDocument;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;
import org.apache.tika.detect.AutoDetectReader;
import org.apache.tika.exception.TikaException;

/**
 * Reads a CSV or TSV file: the charset detected by Tika, records counted by commons-csv (header
 * excluded, empty lines skipped) for the rows and columns, the text kept up to the character limit.
 */
final class CsvTableReader {
    static final Set<String> TABULAR = Set.of("text/csv", "text/tab-separated-values");

    private final ExtractionLimits limits;

    CsvTableReader(ExtractionLimits limits) {
        this.limits = limits;
    }

    ExtractedDocument read(String name, String type, byte[] content) {
        String text;
        try (Reader reader = new AutoDetectReader(new ByteArrayInputStream(content))) {
            text = readAll(reader);
        } catch (IOException | TikaException e) {
            throw new UnreadableContentException(name + " is not readable text", e);
        }
        CSVFormat format = (type.equals("text/tab-separated-values") ? CSVFormat.TDF : CSVFormat.DEFAULT)
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(DuplicateHeaderMode.ALLOW_ALL)
                .get();
        int rows = 0;
        int columns;
        try (CSVParser csv = format.parse(new StringReader(text))) {
            columns = csv.getHeaderNames().size();
            for (CSVRecord ignored : csv) {
                rows++;
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new UnreadableContentException(
                    name + " is not well-formed " + (type.endsWith("csv") ? "CSV" : "TSV"));
        }
        boolean truncated = text.length() > limits.maxCharacters();
        return new ExtractedDocument(
                type, truncated ? text.substring(0, limits.maxCharacters()) : text, null, rows, columns, truncated);
    }

    private static String readAll(Reader reader) throws IOException {
        StringBuilder text = new StringBuilder();
        char[] buffer = new char[8192];
        for (int n; (n = reader.read(buffer)) >= 0; ) {
            text.append(buffer, 0, n);
        }
        return text.toString();
    }
}
