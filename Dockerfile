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

# Stage 2: the JRE, the jar, its ahead-of-time cache, a non-root user, and a health check.
# JDK 25's AOT cache (classes loaded and linked, method profiles) is recorded by one training run
# at build time (scripts/aot-training.sh: start on a throw-away H2 database, answer a few requests,
# stop) and used by the run command: start-up to healthy takes about half the CPU.
FROM eclipse-temurin:25-jre
# curl for the training run and the HEALTHCHECK below
RUN apt-get update \
    && apt-get install -y --no-install-recommends curl \
    && rm -rf /var/lib/apt/lists/* \
    && groupadd --system --gid 10001 atelier \
    && useradd --system --uid 10001 --gid atelier --home-dir /var/lib/atelier --shell /usr/sbin/nologin atelier \
    && mkdir -p /opt/atelier /var/lib/atelier \
    && chown atelier:atelier /var/lib/atelier
COPY --from=build /atelier.jar /opt/atelier/atelier.jar
COPY scripts/aot-training.sh /opt/atelier/aot-training.sh

# embedded H2 lives under ATELIER_DATA_DIR unless DATASOURCES_DEFAULT_URL points at PostgreSQL.
# The collector and the heap bounds are named: the cache is recorded and used under the same ones,
# whatever CPUs and memory the build and the run containers see. The heap bounds fit the smallest
# documented host (1 GiB of RAM, see docs/security.md, "Memory"); a larger host raises -Xmx here.
ENV ATELIER_DATA_DIR=/var/lib/atelier \
    MICRONAUT_SERVER_PORT=8080 \
    JAVA_TOOL_OPTIONS="-XX:+UseG1GC -Xms64m -Xmx384m -XX:+ExitOnOutOfMemoryError"

# the training run: same JDK, same jar path, same options as the ENTRYPOINT
RUN sh /opt/atelier/aot-training.sh /opt/atelier/atelier.jar /opt/atelier/atelier.aot 18999 \
    && chmod 0444 /opt/atelier/atelier.aot

VOLUME ["/var/lib/atelier"]
WORKDIR /var/lib/atelier
USER atelier:atelier
EXPOSE 8080

# readiness of the database and the analyzer (503 when not ready); the first start migrates the
# schema: give it time
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD curl -fsS "http://127.0.0.1:${MICRONAUT_SERVER_PORT}/health" > /dev/null || exit 1

# a cache that does not match (another JDK build or options) is reported and ignored, never fatal
ENTRYPOINT ["java", "-XX:AOTCache=/opt/atelier/atelier.aot", "-jar", "/opt/atelier/atelier.jar"]
