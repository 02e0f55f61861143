package dev.atelier.http.ops;

import io.micronaut.core.propagation.ThreadPropagatedContextElement;
import org.slf4j.MDC;

/**
 * The request id in the SLF4J MDC of whichever thread serves a part of the request: Micronaut
 * applies a propagated context element each time it runs request work on a thread (filters,
 * controller, answer) and restores the thread afterwards. Only the one key is put and restored:
 * copying the whole MDC map in and out on every switch, as a general MDC element does, cost a few
 * per cent of a short request's CPU.
 */
record RequestIdLogContext(String id) implements ThreadPropagatedContextElement<String> {

    @Override
    public String updateThreadContext() {
        String previous = MDC.get(RequestId.MDC_KEY);
        MDC.put(RequestId.MDC_KEY, id);
        return previous;
    }

    @Override
    public void restoreThreadContext(String previous) {
        if (previous == null) {
            MDC.remove(RequestId.MDC_KEY);
        } else {
            MDC.put(RequestId.MDC_KEY, previous);
        }
    }
}
