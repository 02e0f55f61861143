package dev.atelier.domain.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.atelier.domain.error.InvalidInputException;
import org.junit.jupiter.api.Test;

class TextAndIdsTest {
    @Test
    void accepts_caller_chosen_ids_of_letters_digits_underscore_and_dash() {
        assertThat(Ids.isValid("proj_12345")).isTrue();
        assertThat(Ids.isValid("a".repeat(64))).isTrue();
    }

    @Test
    void rejects_ids_that_are_empty_too_long_or_contain_other_characters() {
        assertThat(Ids.isValid("")).isFalse();
        assertThat(Ids.isValid("a".repeat(65))).isFalse();
        assertThat(Ids.isValid("../etc")).isFalse();
        assertThat(Ids.isValid("a b")).isFalse();
        assertThatThrownBy(() -> Ids.require("project_id", "x;drop"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("project_id");
    }

    @Test
    void rejects_unpaired_surrogates_in_names() {
        assertThatThrownBy(() -> Text.name("name", "a\uD800b")).hasMessageContaining("valid Unicode");
        assertThat(Text.name("name", "emoji \uD83D\uDE00")).isEqualTo("emoji \uD83D\uDE00");
    }

    @Test
    void names_are_one_line_without_any_control_character() {
        for (String bad : new String[] {"a\u0000b", "a\tb", "a\nb", "a\rb", "a\u001Bb", "a\u007Fb", "a\u0085b"}) {
            assertThatThrownBy(() -> Text.name("name", bad))
                    .as("%s", bad.codePoints().mapToObj(Integer::toHexString).toList())
                    .hasMessageContaining("control characters");
        }
    }

    @Test
    void free_text_keeps_tabs_and_line_breaks_but_no_other_control_character() {
        assertThat(Text.optional("description", "line 1\r\n\tline 2", 100)).isEqualTo("line 1\r\n\tline 2");
        assertThatThrownBy(() -> Text.optional("description", "a\u0000b", 100)).hasMessageContaining("control");
        assertThatThrownBy(() -> Text.optional("description", "a\u0007b", 100)).hasMessageContaining("control");
    }

    @Test
    void names_are_trimmed() {
        assertThat(Text.name("name", "  Churn  ")).isEqualTo("Churn");
    }

    @Test
    void scope_lists_parse_and_reject_unknown_scopes() {
        assertThat(Visibility.parseList("user, shared")).containsExactlyInAnyOrder(Visibility.USER, Visibility.SHARED);
        assertThat(Visibility.parseList(null)).containsExactly(Visibility.USER);
        assertThatThrownBy(() -> Visibility.parseList("user,everyone")).hasMessageContaining("everyone");
    }

    @Test
    void document_file_names_lose_their_paths() {
        assertThat(Document.safeFilename("../../etc/passwd")).isEqualTo("passwd");
        assertThat(Document.safeFilename("C:\\Users\\x\\report.pdf")).isEqualTo("report.pdf");
        assertThat(Document.safeFilename("..")).isEqualTo("file");
    }
}
