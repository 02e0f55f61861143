package dev.atelier.http.security;

import dev.atelier.domain.model.User;
import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.AnnotatedRequestArgumentBinder;
import jakarta.inject.Singleton;
import java.util.Optional;

/** Supplies {@code @Caller User} parameters from the request attribute set by the filter. */
@Singleton
final class CallerArgumentBinder implements AnnotatedRequestArgumentBinder<Caller, User> {

    @Override
    public Class<Caller> getAnnotationType() {
        return Caller.class;
    }

    @Override
    public BindingResult<User> bind(ArgumentConversionContext<User> context, HttpRequest<?> source) {
        User caller = Callers.require(source);
        return () -> Optional.of(caller);
    }
}
