/**
 * Transport limits against hostile clients, below Micronaut's routing (docs/security.md, "Hostile
 * input"). Micronaut and Netty already bound the request line ({@code
 * micronaut.server.netty.max-initial-line-length}), the header block ({@code
 * micronaut.server.netty.max-header-size}), the body ({@code micronaut.server.max-request-size},
 * refused from its {@code Content-Length} before it is read) and idle connections. What they lack
 * is added around Netty's HTTP codec by {@link ConnectionGuards}, one class per job: {@link
 * RequestDeadline}, a total deadline per request ({@code atelier.http.upload-deadline}) against
 * clients that trickle a request just fast enough never to be idle; {@link OversizedHeadAnswers},
 * 414 and 431 for over-long request lines and header blocks instead of a generic 413; {@link
 * EarlyAnswerDrain}, which ends a connection after an error answered before the body arrived without
 * resetting it under the answer. {@link ErrorAnswers} shapes the answers they write themselves.
 */
package dev.atelier.http.limits;
