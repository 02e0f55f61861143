package dev.atelier.http.config;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.UntypedObjectDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.databind.type.LogicalType;
import dev.atelier.http.error.NonFiniteNumberException;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/**
 * The wire rules for JSON, applied to Micronaut's ObjectMapper (naming, inclusion and unknown
 * fields are in application.yml): strict types (a number is not a string, a string is not a
 * number), no duplicate keys, finite numbers only, read limits against hostile documents (the one place they are set: the spooled import
 * parser and the ZIP manifest reader start from this mapper), strictly valid UTF-8 ({@link
 * StrictUtf8}), and timestamps as ISO-8601 UTC seconds
 * ({@code 2026-02-28T14:30:00Z}).
 */
@Singleton
public final class JsonConfiguration implements BeanCreatedEventListener<ObjectMapper> {
    private final int maxNestingDepth;
    private final int maxStringLength;
    private final long maxDocumentLength;

    public JsonConfiguration(
            @Value("${atelier.json.max-nesting-depth:64}") int maxNestingDepth,
            @Value("${atelier.json.max-string-length:5242880}") int maxStringLength,
            @Value("${atelier.json.max-document-length:16777216}") long maxDocumentLength) {
        this.maxNestingDepth = maxNestingDepth;
        this.maxStringLength = maxStringLength;
        this.maxDocumentLength = maxDocumentLength;
    }

    @Override
    public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
        return configure(event.getBean());
    }

    /** Applies the wire rules to {@code mapper} (also how the fuzz tests get the server's reader). */
    public ObjectMapper configure(ObjectMapper mapper) {
        mapper.getFactory()
                .setStreamReadConstraints(StreamReadConstraints.builder()
                        .maxNestingDepth(maxNestingDepth)
                        .maxStringLength(maxStringLength)
                        .maxDocumentLength(maxDocumentLength)
                        .build());
        // strict UTF-8: Jackson alone lets overlong forms through (C0 AF would read as '/')
        mapper.getFactory().setInputDecorator(new StrictUtf8());
        // a key given twice is refused, not silently "last one wins": which of two names a client
        // meant is not ours to guess
        mapper.getFactory().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION.mappedFeature());
        mapper.configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);
        mapper.configure(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES, true);
        mapper.configure(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, true);
        // Micronaut turns these on; a list is not a string and a string is not a list
        mapper.configure(DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS, false);
        mapper.configure(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY, false);
        for (CoercionInputShape scalar : new CoercionInputShape[] {
            CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean
        }) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(scalar, CoercionAction.Fail);
        }
        for (LogicalType numberOrFlag :
                new LogicalType[] {LogicalType.Integer, LogicalType.Float, LogicalType.Boolean}) {
            mapper.coercionConfigFor(numberOrFlag).setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(numberOrFlag).setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        }
        mapper.coercionConfigFor(LogicalType.Boolean).setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Integer).setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
        SimpleModule wire = new SimpleModule("atelier-wire");
        wire.addSerializer(Instant.class, new UtcSecondsSerializer());
        // free-form values (metadata, params, imports): a number beyond a double's range is refused
        // rather than stored as the string "Infinity"
        wire.addDeserializer(Object.class, new FiniteUntypedDeserializer());
        mapper.registerModule(wire);
        return mapper;
    }

    /**
     * Jackson's reader of free-form values, except that a floating-point number a double cannot
     * hold ({@code 1e999}, {@code -1e999}) is an input error: Jackson would read it as infinity,
     * which JSON cannot write back as a number (it would come back as the string "Infinity").
     * Finite numbers keep Jackson's types (integers of any size stay exact: int, long, BigInteger).
     */
    static final class FiniteUntypedDeserializer extends UntypedObjectDeserializer {
        FiniteUntypedDeserializer() {
            super((JavaType) null, (JavaType) null);
        }

        /** Stays itself: Jackson's own contextualization would fall back to its plain reader. */
        @Override
        public JsonDeserializer<?> createContextual(DeserializationContext ctxt, BeanProperty property) {
            return this;
        }

        @Override
        protected Object _deserializeFP(JsonParser p, DeserializationContext ctxt) throws IOException {
            Object value = super._deserializeFP(p, ctxt);
            if (value instanceof Double d && !Double.isFinite(d) || value instanceof Float f && !Float.isFinite(f)) {
                throw new NonFiniteNumberException(p, p.getText());
            }
            return value;
        }
    }

    /** {@code 2026-02-28T14:30:00Z}: UTC, whole seconds. */
    static final class UtcSecondsSerializer extends StdSerializer<Instant> {
        UtcSecondsSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(DateTimeFormatter.ISO_INSTANT.format(value.truncatedTo(ChronoUnit.SECONDS)));
        }
    }
}
