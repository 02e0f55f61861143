package dev.atelier.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class RoleTest {
    @Test
    void roles_are_ordered_viewer_editor_admin_owner() {
        assertThat(Role.OWNER.atLeast(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.atLeast(Role.EDITOR)).isTrue();
        assertThat(Role.EDITOR.atLeast(Role.VIEWER)).isTrue();
        assertThat(Role.VIEWER.atLeast(Role.EDITOR)).isFalse();
    }

    @Test
    void reading_needs_viewer_changing_needs_editor_members_need_admin_deleting_needs_owner() {
        assertThat(Role.VIEWER.canRead()).isTrue();
        assertThat(Role.VIEWER.canEdit()).isFalse();
        assertThat(Role.EDITOR.canEdit()).isTrue();
        assertThat(Role.EDITOR.canManageMembers()).isFalse();
        assertThat(Role.ADMIN.canManageMembers()).isTrue();
        assertThat(Role.ADMIN.canDelete()).isFalse();
        assertThat(Role.OWNER.canDelete()).isTrue();
    }

    @Test
    void nobody_grants_a_role_above_their_own() {
        assertThat(Role.ADMIN.canGrant(Role.ADMIN)).isTrue();
        assertThat(Role.ADMIN.canGrant(Role.OWNER)).isFalse();
        assertThat(Role.OWNER.canGrant(Role.OWNER)).isTrue();
    }

    @Test
    void editors_and_viewers_grant_nothing() {
        assertThat(Role.EDITOR.canGrant(Role.VIEWER)).isFalse();
        assertThat(Role.VIEWER.canGrant(Role.VIEWER)).isFalse();
    }

    @Test
    void parses_wire_names_and_rejects_others() {
        assertThat(Role.parse("Editor", Role.VIEWER)).isEqualTo(Role.EDITOR);
        assertThat(Role.parse(null, Role.EDITOR)).isEqualTo(Role.EDITOR);
        assertThatThrownBy(() -> Role.parse("god", Role.VIEWER))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("viewer, editor, admin, owner");
    }
}
