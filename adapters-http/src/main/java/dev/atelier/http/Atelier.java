package dev.atelier.http;

import io.micronaut.runtime.Micronaut;

/** Entry point of the runnable jar ({@code java -jar adapters-http/target/atelier.jar}). */
public final class Atelier {

    private Atelier() {}

    public static void main(String[] args) {
        Micronaut.run(Atelier.class, args);
    }
}
