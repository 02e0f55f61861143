/**
 * Transport limits against hostile clients, below Micronaut's routing (docs/security.md, "Hostile
 * input"). Micronaut and Netty already bound the request line ({@code
 * micronaut.server.netty.max-initial-line-length}), the header block ({@code
 * micronaut.server.netty.max-header-size}), the body ({@code micronaut.server.max-request-size},
 * refused from its {@code Content-Length} before it is read) and idle connections; {@link
 * RequestDeadline} adds what they lack: a total deadline per request ({@code
 * atelier.http.upload-deadline}) against clients that trickle a request just fast enough never to
 * be idle, and answers over-long request lines and header blocks with 414 and 431 instead of a
 * generic 413.
 */
package dev.atelier.http.limits;
