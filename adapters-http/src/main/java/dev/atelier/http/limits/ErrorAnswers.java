package dev.atelier.http.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.http.error.Dialect;
import io.micronaut.http.HttpStatus;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.util.UUID;

/**
 * Error answers written straight to a connection, below Micronaut's routing (so no error processor
 * shapes them): in the dialect's error shape, chosen by the request's path, and closing the
 * connection.
 */
final class ErrorAnswers {
    private final ObjectMapper json;

    ErrorAnswers(ObjectMapper json) {
        this.json = json;
    }

    FullHttpResponse answer(HttpStatus status, String path, String message) {
        Dialect dialect = Dialect.forPath(path);
        byte[] body;
        try {
            body = json.writeValueAsBytes(dialect.errorBody(status, message));
        } catch (JsonProcessingException e) {
            body = new byte[0];
        }
        FullHttpResponse answer = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status.getCode()), Unpooled.wrappedBuffer(body));
        answer.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, dialect.errorMediaType().toString())
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set("X-Request-Id", UUID.randomUUID().toString());
        return answer;
    }

    /** The path of a request target, without its query. */
    static String pathOf(String uri) {
        if (uri == null) {
            return null;
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
