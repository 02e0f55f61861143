package dev.atelier.http.error;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.domain.error.ConflictException;
import dev.atelier.domain.error.DependencyUnavailableException;
import dev.atelier.domain.error.DomainException;
import dev.atelier.domain.error.ForbiddenException;
import dev.atelier.domain.error.InvalidInputException;
import dev.atelier.domain.error.NotFoundException;
import dev.atelier.domain.error.PayloadTooLargeException;
import dev.atelier.domain.error.StaleVersionException;
import dev.atelier.domain.error.TooManyResultsException;
import dev.atelier.domain.error.UnauthenticatedException;
import dev.atelier.domain.error.UnreadableContentException;
import dev.atelier.domain.error.UnsupportedContentException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The domain-error-to-status table and the error shapes, without a server. */
class ErrorMappingTest {

    static Stream<Arguments> statuses() {
        return Stream.of(
                Arguments.of(new InvalidInputException("x"), 400),
                Arguments.of(new UnauthenticatedException("x"), 401),
                Arguments.of(new ForbiddenException("x"), 403),
                Arguments.of(new NotFoundException("x"), 404),
                Arguments.of(new ConflictException("x"), 409),
                Arguments.of(new StaleVersionException("x"), 409),
                Arguments.of(new PayloadTooLargeException("x"), 413),
                Arguments.of(new TooManyResultsException("x"), 413),
                Arguments.of(new UnsupportedContentException("x"), 415),
                Arguments.of(new UnreadableContentException("x"), 422),
                Arguments.of(new DependencyUnavailableException("x"), 503));
    }

    @ParameterizedTest
    @MethodSource("statuses")
    void maps_each_domain_error_to_its_status(DomainException error, int status) {
        assertThat(DomainErrorStatus.of(error, HttpRequest.GET("/api/v1/projects/list"))
                        .getCode())
                .isEqualTo(status);
    }

    @Test
    void a_stale_version_under_if_match_is_412() {
        HttpRequest<?> conditional = HttpRequest.PUT("/api/projects/p1", "{}").header("If-Match", "\"3\"");
        assertThat(DomainErrorStatus.of(new StaleVersionException("changed"), conditional)
                        .getCode())
                .isEqualTo(412);
    }

    @Test
    void an_unavailable_database_is_503_and_says_when_to_retry() {
        HttpResponse<?> response = new DomainExceptionHandler(30)
                .handle(
                        HttpRequest.GET("/api/projects/p1"),
                        new DependencyUnavailableException("database unavailable"));
        assertThat(response.code()).isEqualTo(503);
        assertThat(response.getHeaders().get("Retry-After")).isEqualTo("30");
    }

    @Test
    void an_unexpected_failure_is_500_with_a_request_id_and_no_details() {
        HttpRequest<?> request = HttpRequest.GET("/api/v1/projects/list").header("X-Request-Id", "req-42");
        HttpResponse<?> response = new UnexpectedExceptionHandler()
                .handle(request, new IllegalStateException("SELECT * FROM users at /var/lib/atelier/data.db"));
        assertThat(response.code()).isEqualTo(500);
        @SuppressWarnings("unchecked")
        Map<String, Object> body = (Map<String, Object>) response.body();
        assertThat(body).containsEntry("status", "error").containsKey("data");
        assertThat(body.get("message").toString())
                .contains("req-42")
                .doesNotContain("SELECT")
                .doesNotContain("/var/lib");
    }

    @Test
    @SuppressWarnings("unchecked")
    void each_dialect_has_its_own_shape() {
        HttpResponse<?> v1 =
                ErrorResponses.of(HttpRequest.GET("/api/v1/x"), io.micronaut.http.HttpStatus.NOT_FOUND, "gone");
        HttpResponse<?> resource =
                ErrorResponses.of(HttpRequest.GET("/api/projects/x"), io.micronaut.http.HttpStatus.NOT_FOUND, "gone");
        HttpResponse<?> labeling =
                ErrorResponses.of(HttpRequest.GET("/v1/projects/x"), io.micronaut.http.HttpStatus.NOT_FOUND, "gone");
        assertThat(((Map<String, Object>) v1.body()).keySet()).containsExactly("status", "message", "data");
        assertThat((Map<String, Object>) v1.body())
                .containsEntry("status", "error")
                .containsEntry("message", "gone");
        assertThat(((Map<String, Object>) v1.body()).get("data")).isNull();
        assertThat((Map<String, Object>) resource.body())
                .containsEntry("type", "about:blank")
                .containsEntry("title", "Not Found")
                .containsEntry("status", 404)
                .containsEntry("detail", "gone");
        assertThat(resource.getContentType())
                .hasValueSatisfying(t -> assertThat(t.toString()).isEqualTo("application/problem+json"));
        assertThat((Map<String, Object>) labeling.body()).isEqualTo(Map.of("error", "gone"));
        assertThat(Dialect.forPath("/api/v1")).isEqualTo(Dialect.V1_ENVELOPE);
        assertThat(Dialect.forPath("/api/projectsX")).isEqualTo(Dialect.V1_ENVELOPE);
        assertThat(Dialect.forPath("/v1/projects")).isEqualTo(Dialect.LABELING);
    }
}
