/**
 * Operations: what the people who run Atelier need (docs/configuration.md, docs/deployment.md).
 *
 * <ul>
 *   <li>API reference: micronaut-openapi generates {@code META-INF/swagger/openapi.yml} from the
 *       controllers at compile time ({@code adapters-http/openapi.properties}; the management
 *       endpoints are described in {@code src/main/openapi/operations.yml} and merged in), together
 *       with a Swagger UI page whose scripts are copied into the jar: {@link ApiDocumentController}
 *       serves {@code /openapi.yml} and {@code /docs}, the static mapping {@code /docs/res/**} the
 *       assets. No CDN. {@code OpenApiRoutesTest} fails when a route is not documented or a
 *       documented operation is not a route (annotate a controller {@code @Hidden} to exclude it
 *       on purpose). A bound {@code @Caller} parameter is hidden from the document.
 *   <li>Health: {@link AnalyzerHealthIndicator} (readiness: the analysis ports are wired; no model
 *       load, no provider call) next to Micronaut's JDBC indicator.
 *   <li>Metrics: {@link TimedPorts} decorates whichever beans implement {@code ContextAnalyzer} and
 *       {@code TextExtractor} with Micrometer timers, without knowing the adapters.
 *   <li>Request id: {@link RequestIdFilter} / {@link RequestId}, carried in the SLF4J MDC through
 *       Micronaut's propagated context ({@link RequestIdLogContext}) onto the blocking pool.
 *       {@code ATELIER_LOG_FORMAT=json} switches logback.xml to logback's own JsonEncoder.
 * </ul>
 */
package dev.atelier.http.ops;
