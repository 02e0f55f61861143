package dev.atelier.http.testing;

import io.micronaut.context.condition.Condition;
import io.micronaut.context.condition.ConditionContext;

/** True while no persistence adapter classes ({@code dev.atelier.persistence}) are on the classpath. */
public final class NoPersistenceAdapter implements Condition {
    @Override
    public boolean matches(ConditionContext context) {
        ClassLoader loader = NoPersistenceAdapter.class.getClassLoader();
        return loader.getResource("dev/atelier/persistence/") == null
                && loader.getResource("dev/atelier/persistence") == null;
    }
}
