package dev.atelier.application.exchange;

import dev.atelier.application.project.SaveProject;
import dev.atelier.domain.model.Document;
import dev.atelier.domain.model.Event;
import dev.atelier.domain.model.EventType;
import dev.atelier.domain.model.LabelingOptions;
import dev.atelier.domain.model.Member;
import dev.atelier.domain.model.ParamVersion;
import dev.atelier.domain.model.Project;
import dev.atelier.domain.model.ProjectId;
import dev.atelier.domain.model.Role;
import dev.atelier.domain.model.Scope;
import dev.atelier.domain.model.User;
import dev.atelier.domain.model.Workspace;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/** Random projects with params history, members, binary documents and events, for property tests. */
final class ProjectGenerator {
    private static final String[] WORDS = {"alpha", "Ünïcødé", "数据", "risk", "model", "😀 emoji", "a\"quote", "tab\tx"};

    private final Installation in;
    private final Random random;

    ProjectGenerator(Installation in, long seed) {
        this.in = in;
        this.random = new Random(seed);
    }

    Project project(User owner, Workspace workspace, List<User> colleagues) {
        // a name is one line (no tab); descriptions and free JSON keep the tab
        String name = word().replace('\t', ' ') + " " + random.nextInt(1_000_000);
        Project project = in.saveProject
                .execute(new SaveProject.Command(
                        owner,
                        workspace.id().value(),
                        null,
                        name,
                        random.nextBoolean() ? null : word() + " description " + word(),
                        json(2),
                        random.nextBoolean() ? Scope.USER : Scope.ORGANIZATION,
                        random.nextBoolean() ? null : "type-" + word(),
                        json(2),
                        random.nextBoolean() ? null : "instruction " + word(),
                        random.nextBoolean()
                                ? null
                                : new LabelingOptions(
                                        true, random.nextBoolean() ? null : false, "pipe", 3, "ds-1", true),
                        Optional.empty()))
                .project();
        ProjectId id = project.id();
        int versions = random.nextInt(5);
        for (int v = 0; v < versions; v++) {
            ParamVersion latest = in.store.params.latest(id).orElseThrow();
            in.store.params.append(
                    id,
                    latest.next(
                            json(2), random.nextBoolean() ? null : word(), random.nextBoolean(), in.clock.instant()));
        }
        for (User colleague : colleagues) {
            if (random.nextBoolean()) {
                Role role = Role.values()[random.nextInt(3)];
                in.store.members.save(new Member(id, colleague.id(), role, in.clock.instant()));
            }
        }
        int documents = random.nextInt(4);
        for (int d = 0; d < documents; d++) {
            byte[] content = new byte[random.nextInt(3000)];
            random.nextBytes(content);
            boolean dataset = random.nextBoolean();
            in.store.documents.insert(new Document(
                    in.ids.newId(),
                    id,
                    "file-" + d + (dataset ? ".csv" : ".bin"),
                    dataset ? "text/csv" : "application/octet-stream",
                    content.length,
                    sha256(content),
                    "text of " + word(),
                    dataset ? null : random.nextInt(20),
                    dataset ? random.nextInt(100) : null,
                    dataset ? random.nextInt(10) : null,
                    random.nextInt(5000),
                    random.nextBoolean(),
                    dataset,
                    content,
                    in.clock.instant()));
        }
        int events = random.nextInt(4);
        for (int e = 0; e < events; e++) {
            EventType type = EventType.values()[random.nextInt(EventType.values().length)];
            in.store.events.append(new Event(
                    in.ids.newId(),
                    id,
                    type,
                    random.nextBoolean() ? null : word(),
                    random.nextBoolean() ? owner.id() : null,
                    in.clock.instant(),
                    json(1)));
        }
        return in.store.projects.findById(id).orElseThrow();
    }

    Map<String, Object> json(int depth) {
        Map<String, Object> map = new LinkedHashMap<>();
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
            map.put(word() + i, value(depth));
        }
        return map;
    }

    private Object value(int depth) {
        int kind = random.nextInt(depth > 0 ? 8 : 6);
        return switch (kind) {
            case 0 -> word();
            case 1 -> random.nextInt(1000) - 500;
            case 2 -> random.nextLong();
            case 3 -> random.nextBoolean();
            case 4 -> null;
            case 5 -> random.nextInt(1000) / 8.0;
            case 6 -> json(depth - 1);
            default -> {
                List<Object> list = new ArrayList<>();
                int n = random.nextInt(3);
                for (int i = 0; i < n; i++) {
                    list.add(value(depth - 1));
                }
                yield list;
            }
        };
    }

    private String word() {
        return WORDS[random.nextInt(WORDS.length)];
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
