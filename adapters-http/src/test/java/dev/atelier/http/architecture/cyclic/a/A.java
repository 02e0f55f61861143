package dev.atelier.http.architecture.cyclic.a;

import dev.atelier.http.architecture.cyclic.b.B;

/** One half of a deliberate package cycle (see HexagonalArchitectureTest). */
public final class A {
    public B partner() {
        return new B();
    }
}
