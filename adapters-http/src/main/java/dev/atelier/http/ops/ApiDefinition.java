package dev.atelier.http.ops;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;

/**
 * The OpenAPI document's header, read by micronaut-openapi at compile time: the operations come
 * from the controllers themselves (see {@code adapters-http/openapi.properties}). The document is
 * served at {@code /openapi.yml} and browsable at {@code /docs} ({@link ApiDocumentController}).
 */
@OpenAPIDefinition(
        info =
                @Info(
                        title = "Atelier",
                        version = "0.1.0",
                        description = "Self-hosted projects and workspaces server. Every operation except health, "
                                + "metrics and this documentation needs an API key: 'Authorization: Bearer API_KEY' "
                                + "(or HTTP Basic with the API key as user name and an empty password).",
                        license = @License(name = "Apache-2.0", url = "https://www.apache.org/licenses/LICENSE-2.0")),
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")})
@SecuritySchemes({
    @SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "API key"),
    @SecurityScheme(
            name = "basic",
            type = SecuritySchemeType.HTTP,
            scheme = "basic",
            description = "API key as user name, empty password")
})
final class ApiDefinition {
    private ApiDefinition() {}
}
