package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class EmbeddingCacheTest {
    @Test
    void the_shipped_file_holds_every_prototype_and_catalog_profile_so_the_first_analysis_embeds_none_of_them() {
        List<String> fixed = new OfflineContextAnalyzer().fixedSentences(TestTemplates.all());

        assertThat(EmbeddingCache.shippedCount(fixed))
                .as("embeddings.bin is stale: run bench/analyzer/run --embeddings")
                .isEqualTo(fixed.stream().distinct().count());
    }

    @Test
    void a_shipped_embedding_is_the_one_the_model_computes() {
        String sentence =
                new OfflineContextAnalyzer().fixedSentences(TestTemplates.all()).get(0);

        float[] shipped = EmbeddingCache.embedAll(List.of(sentence)).get(0).vector();
        float[] computed = MiniLmEmbeddings.embed(sentence).vector();

        assertThat(shipped).containsExactly(computed, org.assertj.core.data.Offset.offset(1e-5f));
    }
}
