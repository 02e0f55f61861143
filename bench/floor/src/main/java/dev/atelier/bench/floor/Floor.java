package dev.atelier.bench.floor;

import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.runtime.Micronaut;
import java.util.Map;

/** A route that does no work: the most requests per second Micronaut answers on this machine. */
@Controller
public class Floor {

    public static void main(String[] args) {
        Micronaut.run(Floor.class, args);
    }

    /** The same small JSON shape an API answer has, serialised by the same Jackson. */
    @Get
    @Produces(MediaType.APPLICATION_JSON)
    Map<String, Object> floor() {
        return Map.of("status", "ok");
    }
}
