package dev.atelier.http.ops;

import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Gives every request an id ({@link RequestId}) before anything else runs (authentication
 * included), answers it as {@code X-Request-Id} on every answer (errors included), and carries it
 * in the SLF4J MDC through Micronaut's propagated context ({@link RequestIdLogContext}), so that it
 * follows the request onto the blocking pool where controllers run.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
final class RequestIdFilter implements Ordered {

    @Override
    public int getOrder() {
        return HIGHEST_PRECEDENCE;
    }

    @RequestFilter
    void assign(HttpRequest<?> request, MutablePropagatedContext context) {
        String id = RequestId.choose(request.getHeaders().get(RequestId.HEADER));
        request.setAttribute(RequestId.ATTRIBUTE, id);
        context.add(new RequestIdLogContext(id));
    }

    @ResponseFilter
    void answer(HttpRequest<?> request, MutableHttpResponse<?> response) {
        RequestId.of(request).ifPresent(id -> response.getHeaders().set(RequestId.HEADER, id));
    }
}
