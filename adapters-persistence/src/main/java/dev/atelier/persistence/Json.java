package dev.atelier.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Map;

/**
 * Free-form JSON objects (metadata, params, details) as text columns. A private, plain Jackson
 * mapper: the application's HTTP-facing mapper settings (inclusion rules, naming) must not change
 * what is stored, and null values inside the maps must survive a round trip.
 */
final class Json {
    private static final ObjectMapper MAPPER = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private Json() {}

    static String write(Map<String, Object> value) {
        try {
            return MAPPER.writeValueAsString(value == null ? Map.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON object could not be written", e);
        }
    }

    static Map<String, Object> read(String text) {
        if (text == null || text.isBlank()) {
            return Map.of();
        }
        try {
            return MAPPER.readValue(text, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored JSON object could not be read", e);
        }
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }
}
