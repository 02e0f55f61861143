package dev.atelier.http.labeling;

import static dev.atelier.http.testing.JsonShapes.shape;
import static org.assertj.core.api.Assertions.assertThat;

import dev.atelier.http.testing.AtelierServer;
import dev.atelier.http.testing.AtelierServer.Reply;
import dev.atelier.http.testing.AtelierServer.TestUser;
import org.junit.jupiter.api.Test;

/**
 * The labeling dialect's project, written from a typed record, keeps the wire form clients read:
 * its fields in order, the options a project was not given absent (not null), and each
 * param_history entry with its params spread out first, then instruction (only when there is
 * one), version and created_at.
 */
class LabelingBodiesWireFormTest {
    private final AtelierServer server = AtelierServer.shared();
    private final TestUser user = server.createUser("Labeling Wire Form");

    private Reply post(String path, String json) {
        Reply reply = server.postRaw(path, user.token(), json);
        assertThat(reply.status()).as(reply.toString()).isEqualTo(200);
        return reply;
    }

    @Test
    void a_project_with_flags_and_params_keeps_its_fields_in_order() {
        Reply created = post(
                "/v1/projects",
                "{\"type\": \"imageannotation\", \"name\": \"kittens\", \"rapid\": false, \"studio\": true,"
                        + " \"params\": {\"instruction\": \"Label the kittens\", \"colour\": \"any\"}}");
        String project =
                "type:s,name:s,param_history:[%s],created_at:s,created_by:s,archived:b,pinned:b,rapid:b," + "studio:b";
        assertThat(shape(created.json()))
                .isEqualTo("{" + project.formatted("{colour:s,instruction:s,version:n,created_at:s}") + "}");

        Reply changed = post("/v1/projects/kittens/setParams", "{\"only\": 1, \"ratio\": 0.5}");
        assertThat(shape(changed.json()))
                .isEqualTo("{"
                        + project.formatted("{colour:s,instruction:s,version:n,created_at:s}"
                                + "|{only:n,ratio:f,version:n,created_at:s}")
                        + "}");
        assertThat(server.get("/v1/projects/kittens", user.token()).body()).isEqualTo(changed.body());
        Reply listed = server.get("/v1/projects", user.token());
        assertThat(listed.body()).isEqualTo("[" + changed.body() + "]");
    }

    @Test
    void a_project_without_options_shows_none_of_them_and_one_with_all_shows_them_last() {
        Reply bare = post("/v1/projects", "{\"type\": \"textcollection\", \"name\": \"bare\"}");
        assertThat(shape(bare.json()))
                .isEqualTo("{type:s,name:s,param_history:[{version:n,created_at:s}],created_at:s,created_by:s,"
                        + "archived:b,pinned:b}");

        Reply full = post(
                "/v1/projects",
                "{\"type\": \"textcollection\", \"name\": \"full\", \"rapid\": true, \"studio\": false,"
                        + " \"pipeline\": \"standard\", \"consensus_attempts\": 3, \"datasetId\": \"ds_1\"}");
        assertThat(shape(full.json()))
                .isEqualTo("{type:s,name:s,param_history:[{version:n,created_at:s}],created_at:s,created_by:s,"
                        + "archived:b,pinned:b,rapid:b,studio:b,pipeline:s,consensus_attempts:n,dataset_id:s}");
    }
}
