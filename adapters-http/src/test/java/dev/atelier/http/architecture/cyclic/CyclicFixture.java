package dev.atelier.http.architecture.cyclic;

/** Marks a package whose two sub-packages depend on each other: the cycle rule must reject it. */
public final class CyclicFixture {
    private CyclicFixture() {}
}
