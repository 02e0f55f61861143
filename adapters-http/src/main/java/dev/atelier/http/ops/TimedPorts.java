package dev.atelier.http.ops;

import dev.atelier.domain.port.ContextAnalyzer;
import dev.atelier.domain.port.TextExtractor;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;

/**
 * Decorates the analysis ports with timers as their beans are created, whichever adapter provides
 * them: nothing here knows an adapter class. The registry is looked up lazily so that the
 * listeners do not pull the metrics infrastructure into the context earlier than it would be.
 */
final class TimedPorts {
    private TimedPorts() {}

    /**
     * The decorator, unless the bean is also exposed as a type the decorator is not (an adapter
     * class injected as such somewhere): then the bean itself, untimed, so that nothing breaks.
     */
    static <T> T exposedAs(BeanCreatedEvent<T> event, T decorated, T bean) {
        boolean fits =
                event.getBeanDefinition().getExposedTypes().stream().allMatch(type -> type.isInstance(decorated));
        return fits ? decorated : bean;
    }

    @Singleton
    static final class Analyzer implements BeanCreatedEventListener<ContextAnalyzer> {
        private final BeanProvider<MeterRegistry> registry;

        Analyzer(BeanProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public ContextAnalyzer onCreated(BeanCreatedEvent<ContextAnalyzer> event) {
            ContextAnalyzer bean = event.getBean();
            if (bean instanceof TimedContextAnalyzer || !registry.isPresent()) {
                return bean;
            }
            return exposedAs(event, new TimedContextAnalyzer(bean, registry.get()), bean);
        }
    }

    @Singleton
    static final class Extractor implements BeanCreatedEventListener<TextExtractor> {
        private final BeanProvider<MeterRegistry> registry;

        Extractor(BeanProvider<MeterRegistry> registry) {
            this.registry = registry;
        }

        @Override
        public TextExtractor onCreated(BeanCreatedEvent<TextExtractor> event) {
            TextExtractor bean = event.getBean();
            if (bean instanceof TimedTextExtractor || !registry.isPresent()) {
                return bean;
            }
            return exposedAs(event, new TimedTextExtractor(bean, registry.get()), bean);
        }
    }
}
