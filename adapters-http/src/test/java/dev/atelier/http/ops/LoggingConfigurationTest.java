package dev.atelier.http.ops;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.status.Status;
import ch.qos.logback.core.status.StatusUtil;
import org.apache.logging.log4j.LogManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The start-up log stays clean: no logback status block, no Log4j complaint, no GPU-probe warnings. */
class LoggingConfigurationTest {

    @ParameterizedTest
    @ValueSource(strings = {"text", "json"})
    void the_logging_configuration_raises_no_warning_so_logback_prints_no_status_block(String format) throws Exception {
        LoggerContext context = new LoggerContext();
        context.putProperty("ATELIER_LOG_FORMAT", format);
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        try {
            // logback prints its internal status on start-up exactly when one of them is WARN or worse
            assertThat(new StatusUtil(context).getHighestLevel(0))
                    .as("statuses: %s", context.getStatusManager().getCopyOfStatusList())
                    .isLessThan(Status.WARN);
            // the offline analyzer's runtime probes for a GPU; a CPU-only server is the normal case
            assertThat(context.getLogger("ai.djl.util.cuda.CudaUtils").isWarnEnabled())
                    .isFalse();
            assertThat(context.getLogger("dev.atelier").isInfoEnabled()).isTrue();
        } finally {
            context.stop();
        }
    }

    @Test
    void log4j_api_calls_of_libraries_go_to_slf4j_instead_of_complaining_about_a_missing_provider() {
        assertThat(LogManager.getLogger("poi").getClass().getName()).startsWith("org.apache.logging.slf4j.");
    }
}
