package dev.atelier.http.architecture.cyclic.b;

import dev.atelier.http.architecture.cyclic.a.A;

/** The other half of a deliberate package cycle (see HexagonalArchitectureTest). */
public final class B {
    public A partner() {
        return new A();
    }
}
