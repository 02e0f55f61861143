package dev.atelier.llm;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * DJL (the tokenizer under the embedding model) phones home to the EC2 metadata address unless
 * tracking is switched off. Each case runs in a fresh JVM, because DJL checks in once per process.
 */
class TrackingOptOutTest {

    private static String probe(String mode) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(
                java, "-cp", System.getProperty("java.class.path"), TrackingProbe.class.getName(), mode);
        pb.environment().remove("OPT_OUT_TRACKING");
        pb.environment().remove("DJL_OFFLINE");
        pb.redirectErrorStream(true);
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(text).as(text).contains("PROBE DONE");
        return text;
    }

    @Test
    void loading_the_model_through_atelier_attempts_no_outbound_connection() throws Exception {
        String output = probe("atelier");

        List<String> outbound =
                output.lines().filter(l -> l.startsWith("OUTBOUND ")).toList();
        assertThat(outbound).isEmpty();
    }

    @Test
    void the_bare_model_would_phone_home_which_is_what_the_opt_out_prevents() throws Exception {
        String output = probe("bare");

        assertThat(output.lines().filter(l -> l.startsWith("OUTBOUND ")))
                .anySatisfy(l -> assertThat(l).contains("169.254.169.254"));
    }
}
