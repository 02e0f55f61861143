package dev.atelier.http.ops;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;
import io.swagger.v3.oas.annotations.security.SecuritySchemes;
import io.swagger.v3.oas.annotations.tags.Tag;

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
        security = {@SecurityRequirement(name = "bearer"), @SecurityRequirement(name = "basic")},
        tags = {
            @Tag(
                    name = ApiDefinition.V1,
                    description = "Projects/Workspaces API v1 under /api/v1: envelope {status, message, data}"),
            @Tag(
                    name = ApiDefinition.RESOURCE,
                    description = "Resource API under /api/projects: plain JSON, errors as application/problem+json"),
            @Tag(
                    name = ApiDefinition.LABELING,
                    description = "Labeling-platform API under /v1/projects: bare JSON, errors as {error}"),
            @Tag(name = ApiDefinition.ADMIN, description = "Administration (v1 envelope): users, API keys, the server"),
        })
@SecuritySchemes({
    @SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer", description = "API key"),
    @SecurityScheme(
            name = "basic",
            type = SecuritySchemeType.HTTP,
            scheme = "basic",
            description = "API key as user name, empty password")
})
public final class ApiDefinition {
    /** The tags that group the operations of the document, one per dialect (and administration). */
    public static final String V1 = "v1";

    public static final String RESOURCE = "resource";
    public static final String LABELING = "labeling";
    public static final String ADMIN = "admin";

    private ApiDefinition() {}
}
