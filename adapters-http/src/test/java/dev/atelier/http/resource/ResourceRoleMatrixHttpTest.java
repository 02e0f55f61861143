package dev.atelier.http.resource;

import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Representative cells of the role matrix (docs/roles.md) over HTTP, in the resource dialect. */
class ResourceRoleMatrixHttpTest {
    private final AtelierServer server = AtelierServer.shared();

    @ParameterizedTest(name = "{0}: read {1}, update {2}, add member {3}, delete {4}")
    @CsvSource({
        "none,   404, 404, 404, 404",
        "viewer, 200, 403, 403, 403",
        "editor, 200, 200, 403, 403",
        "admin,  200, 200, 201, 403",
        "owner,  200, 200, 201, 200",
    })
    void each_role_gets_the_documented_answers(String role, int read, int update, int addMember, int delete) {
        TestUser owner = server.createUser("Owner");
        TestUser newcomer = server.createUser("Newcomer");
        String id = server.post("/api/projects", owner.token(), Map.of("name", "Matrix " + role))
                .json()
                .path("project_id")
                .asText();
        TestUser caller = switch (role) {
            case "owner" -> owner;
            case "none" -> server.createUser("Stranger");
            default -> {
                TestUser member = server.createUser("Member");
                Reply granted = server.post(
                        "/api/projects/" + id + "/members",
                        owner.token(),
                        Map.of("email", member.email(), "role", role));
                assertThat(granted.status()).isEqualTo(201);
                yield member;
            }
        };

        assertThat(server.get("/api/projects/" + id + "/timeline", caller.token())
                        .status())
                .isEqualTo(read);
        assertThat(ResourceHttp.put(server, "/api/projects/" + id, caller.token(), "{\"name\": \"Renamed\"}", null)
                        .status())
                .isEqualTo(update);
        assertThat(server.post(
                                "/api/projects/" + id + "/members",
                                caller.token(),
                                Map.of("email", newcomer.email(), "role", "viewer"))
                        .status())
                .isEqualTo(addMember);
        assertThat(server.delete("/api/projects/" + id, caller.token()).status())
                .isEqualTo(delete);
        boolean stillThere = server.get("/api/projects/" + id, owner.token()).status() == 200;
        assertThat(stillThere).isEqualTo(!role.equals("owner"));
    }
}
