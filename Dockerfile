# syntax=docker/dockerfile:1
# Atelier: multi-stage image. Build: docker build -t atelier .   Run: see docs/deployment.md.
#
# Stage 1 builds the self-contained jar with the Maven wrapper on JDK 25 (the sources target
# Java 21); tests are run by CI (.ci/run), not here: they need PostgreSQL.
FROM eclipse-temurin:25-jdk AS build
WORKDIR /src
# the wrapper and the poms first, so that the dependency layer is cached while only sources change
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
COPY domain/pom.xml domain/
COPY application/pom.xml application/
COPY adapters-persistence/pom.xml adapters-persistence/
COPY adapters-llm/pom.xml adapters-llm/
COPY adapters-http/pom.xml adapters-http/
COPY domain/ domain/
COPY application/ application/
COPY adapters-persistence/ adapters-persistence/
COPY adapters-llm/ adapters-llm/
COPY adapters-http/ adapters-http/
RUN --mount=type=cache,target=/root/.m2 \
    chmod +x mvnw \
    && ./mvnw -B -q -pl adapters-http -am package -DskipTests \
    && cp adapters-http/target/atelier.jar /atelier.jar

# Stage 2: the JRE, the jar, a non-root user, and a health check.
FROM eclipse-temurin:21-jre
# curl only for the HEALTHCHECK below
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 atelier \
    && useradd --system --uid 10001 --gid atelier --home-dir /var/lib/atelier --shell /usr/sbin/nologin atelier \
    && mkdir -p /opt/atelier /var/lib/atelier \
    && chown atelier:atelier /var/lib/atelier
COPY --from=build /atelier.jar /opt/atelier/atelier.jar

# embedded H2 lives under ATELIER_DATA_DIR unless DATASOURCES_DEFAULT_URL points at PostgreSQL
ENV ATELIER_DATA_DIR=/var/lib/atelier \
    MICRONAUT_SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
VOLUME ["/var/lib/atelier"]
WORKDIR /var/lib/atelier
USER atelier:atelier
EXPOSE 8080

# readiness of the database and the analyzer (503 when not ready); the first start migrates the
# schema and may load the embedding model: give it time
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${MICRONAUT_SERVER_PORT}/health" > /dev/null || exit 1

# heap bounds for the smallest documented host (1 GiB of RAM): see docs/security.md, "Memory"
ENTRYPOINT ["java", "-Xms64m", "-Xmx384m", "-jar", "/opt/atelier/atelier.jar"]
