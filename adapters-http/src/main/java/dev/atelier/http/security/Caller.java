package dev.atelier.http.security;

import io.micronaut.core.bind.annotation.Bindable;
import io.swagger.v3.oas.annotations.Parameter;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Binds the authenticated caller ({@link dev.atelier.domain.model.User}) to a controller
 * parameter: {@code @Get("/x") Object x(@Caller User caller)}. Not part of the request as far as
 * the OpenAPI document is concerned (hidden parameter).
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.PARAMETER})
@Bindable
@Parameter(hidden = true)
public @interface Caller {}
