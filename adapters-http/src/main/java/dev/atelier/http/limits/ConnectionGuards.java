package dev.atelier.http.limits;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.channel.Channel;
import io.netty.channel.ChannelPipeline;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Puts the transport limits of this package around Netty's HTTP codec on every HTTP/1.1
 * connection:
 *
 * <pre>
 * socket → drain-discard → request-clock → [HTTP codec] → oversized-head → request-watch → early-answer → Micronaut
 * </pre>
 *
 * {@link EarlyAnswerDrain} (discards what follows an early error answer), {@link RequestDeadline}
 * (the total deadline, 408) and {@link OversizedHeadAnswers} (414 and 431). Inbound, bytes being
 * discarded never reach the clock or the codec; outbound, an answer from Micronaut passes the
 * early-answer check before the watch, and the answers the limits write themselves (408, 414, 431)
 * go straight to the codec.
 */
@Singleton
final class ConnectionGuards implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final String DISCARD = "atelier-drain-discard";
    private static final String CLOCK = "atelier-request-clock";
    private static final String HEAD = "atelier-oversized-head";
    private static final String WATCH = "atelier-request-watch";
    private static final String EARLY = "atelier-early-answer";

    private final Duration deadline;
    private final long drainBytes;
    private final ErrorAnswers answers;

    ConnectionGuards(
            @Value("${atelier.http.upload-deadline:10m}") Duration deadline,
            @Value("${micronaut.server.max-request-size}") long drainBytes,
            ObjectMapper json) {
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("atelier.http.upload-deadline must be positive, got " + deadline);
        }
        this.deadline = deadline;
        this.drainBytes = drainBytes;
        this.answers = new ErrorAnswers(json);
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    private void guard(ChannelPipeline pipeline) {
        String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
        if (pipeline.get(codec) == null || pipeline.get(CLOCK) != null) {
            return; // not HTTP/1 (or already guarded)
        }
        RequestDeadline limit = new RequestDeadline(deadline, answers);
        EarlyAnswerDrain drain = new EarlyAnswerDrain(limit.clock(), drainBytes);
        pipeline.addBefore(codec, CLOCK, limit.clock());
        pipeline.addBefore(CLOCK, DISCARD, drain.discard());
        pipeline.addAfter(codec, HEAD, new OversizedHeadAnswers(limit.clock(), answers));
        pipeline.addAfter(HEAD, WATCH, limit.watch());
        pipeline.addAfter(WATCH, EARLY, drain.answers());
    }

    /** Guards every HTTP/1 connection's pipeline once it is built. */
    private final class Customizer implements NettyServerCustomizer {
        private final Channel channel;

        Customizer(Channel channel) {
            this.channel = channel;
        }

        @Override
        public NettyServerCustomizer specializeForChannel(Channel channel, ChannelRole role) {
            return role == ChannelRole.CONNECTION ? new Customizer(channel) : this;
        }

        @Override
        public void onStreamPipelineBuilt() {
            if (channel != null) {
                guard(channel.pipeline());
            }
        }
    }
}
