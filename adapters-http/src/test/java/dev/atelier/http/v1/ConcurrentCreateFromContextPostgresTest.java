package dev.atelier.http.v1;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.faults.ServerOnPostgres;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Several create-from-context requests with the same context at once, in one workspace, on
 * PostgreSQL: the analyzer drafts the same name for each, the unique constraint lets one of them have
 * it, and every other one is saved under the next free name instead of answering 409.
 */
class ConcurrentCreateFromContextPostgresTest {
    private static final int REQUESTS = 6;

    @RegisterExtension
    static final ServerOnPostgres postgres = new ServerOnPostgres();

    @Test
    void concurrent_drafts_of_one_context_are_all_saved_under_distinct_names() throws Exception {
        TestUser user = postgres.server().createUser("Concurrent Drafter");
        String form = "context="
                + URLEncoder.encode(
                        "Forecast weekly demand per store so that stock follows promotions.", StandardCharsets.UTF_8)
                + "&scope=user";
        Callable<Reply> create = () -> postgres.server()
                .send(postgres.server()
                        .request("/api/v1/projects/create-from-context", user.token())
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build());

        List<Reply> replies = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(REQUESTS)) {
            List<Future<Reply>> pending = new ArrayList<>();
            for (int i = 0; i < REQUESTS; i++) {
                pending.add(pool.submit(create));
            }
            for (Future<Reply> f : pending) {
                replies.add(f.get());
            }
        }

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body()).isEqualTo(200));
        List<String> names =
                replies.stream().map(r -> r.data().path("name").asText()).toList();
        assertThat(names).doesNotHaveDuplicates().hasSize(REQUESTS);
        String base = names.stream().filter(n -> !n.endsWith(")")).findFirst().orElseThrow();
        assertThat(names).allSatisfy(n -> assertThat(n).startsWith(base));
    }
}
