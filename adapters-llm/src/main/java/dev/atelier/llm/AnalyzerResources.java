package dev.atelier.llm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the offline analyzer's resource files under {@code atelier/analyzer/}. */
final class AnalyzerResources {
    static final String FOLDER = "atelier/analyzer/";
    private static final ObjectMapper JSON = new ObjectMapper();

    private AnalyzerResources() {}

    static JsonNode json(String name) {
        try (InputStream in = open(name)) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("the analyzer resource " + name + " could not be read", e);
        }
    }

    /** Non-empty lines that are not comments ({@code #}). */
    static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(name), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String s = line.strip();
                if (!s.isEmpty() && !s.startsWith("#")) {
                    out.add(s);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the analyzer resource " + name + " could not be read", e);
        }
        return out;
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array != null) {
            array.forEach(n -> out.add(n.asText()));
        }
        return out;
    }

    private static InputStream open(String name) {
        InputStream in = AnalyzerResources.class.getClassLoader().getResourceAsStream(FOLDER + name);
        if (in == null) {
            throw new IllegalStateException("the analyzer resource " + FOLDER + name + " is missing");
        }
        return in;
    }
}
