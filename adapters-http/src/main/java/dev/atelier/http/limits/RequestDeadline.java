package dev.atelier.http.limits;

import io.micronaut.http.HttpStatus;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.concurrent.ScheduledFuture;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A total deadline for receiving one HTTP/1.1 request, from its first byte to the last byte of its
 * body ({@code atelier.http.upload-deadline}, 10 minutes by default). Netty's idle timeouts only
 * notice a connection that sends nothing; a client that trickles one byte now and then (a
 * slow-loris upload) would otherwise hold a connection and a request's buffers for as long as it
 * likes. A request not received in time is answered 408 in its dialect's error shape (or, when an
 * answer has already begun, the connection is just closed) and the connection is closed: nothing
 * of it reaches a controller. The time the server then takes to answer is not counted.
 *
 * <p>Two handlers per connection share the clock: {@link Clock} before Netty's HTTP codec starts it
 * at the first byte of a request (so a trickled request line or header block counts too), {@link
 * Watch} after the codec stops it at the request's last content and notes when the answer starts
 * and ends.
 */
final class RequestDeadline {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);

    private final Duration deadline;
    private final ErrorAnswers answers;
    private final Clock clock = new Clock();
    private final Watch watch = new Watch();

    /** One per connection. */
    RequestDeadline(Duration deadline, ErrorAnswers answers) {
        this.deadline = deadline;
        this.answers = answers;
    }

    Clock clock() {
        return clock;
    }

    Watch watch() {
        return watch;
    }

    private enum Phase {
        /** Between requests: the next byte starts the clock. */
        IDLE,
        /** Reading a request; the deadline runs. */
        RECEIVING,
        /** The request was read whole; the server is answering. */
        ANSWERING,
        /** The connection is being ended after an early answer: nothing more is timed. */
        ENDED
    }

    /** Before the codec: the phase of the connection's current request and its running deadline. */
    final class Clock extends ChannelInboundHandlerAdapter {
        private Phase phase = Phase.IDLE;
        private ScheduledFuture<?> timer;
        private boolean answerStarted;
        private String path;
        /** The context after the codec: answers written there are encoded as HTTP. */
        private ChannelHandlerContext http;

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (phase == Phase.IDLE && msg instanceof ByteBuf bytes && bytes.isReadable()) {
                phase = Phase.RECEIVING;
                answerStarted = false;
                path = null;
                timer = ctx.executor().schedule(() -> expire(ctx), deadline.toMillis(), TimeUnit.MILLISECONDS);
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            stop();
            super.channelInactive(ctx);
        }

        /** Whether the current request is still being received (an answer now would be early). */
        boolean receiving() {
            return phase == Phase.RECEIVING;
        }

        void received() {
            if (phase == Phase.RECEIVING) {
                phase = Phase.ANSWERING;
                stop();
            }
        }

        /** The request was answered by the transport itself, before anything reached a controller. */
        void answeredEarly() {
            received();
            answerStarted = true;
        }

        void answered() {
            if (phase == Phase.ANSWERING) {
                phase = Phase.IDLE;
            }
        }

        /** The connection is being ended: stop timing it. */
        void end() {
            stop();
            phase = Phase.ENDED;
        }

        private void stop() {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
        }

        private void expire(ChannelHandlerContext ctx) {
            timer = null;
            if (phase != Phase.RECEIVING || !ctx.channel().isActive()) {
                return;
            }
            LOG.warn(
                    "closing a connection from {}: its request ({}) was not received within {} (atelier.http.upload-deadline)",
                    ctx.channel().remoteAddress(),
                    path == null ? "head incomplete" : path,
                    deadline);
            if (answerStarted || http == null) {
                ctx.close();
                return;
            }
            answerStarted = true;
            http.writeAndFlush(answers.answer(
                            HttpStatus.REQUEST_TIMEOUT,
                            path,
                            "the request was not received within " + describe(deadline)
                                    + " (atelier.http.upload-deadline); send it faster or in smaller parts"))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** After the codec: stops the clock at the request's last content; notes when an answer starts and ends. */
    final class Watch extends ChannelDuplexHandler {
        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            clock.http = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request) {
                clock.path = ErrorAnswers.pathOf(request.uri());
            }
            if (msg instanceof LastHttpContent) {
                clock.received();
            }
            super.channelRead(ctx, msg);
        }

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response && response.status().code() >= 200) {
                // (a 100 Continue is not the answer)
                clock.answerStarted = true;
            }
            if (msg instanceof LastHttpContent
                    && !(msg instanceof HttpResponse r && r.status().code() < 200)) {
                clock.answered();
            }
            super.write(ctx, msg, promise);
        }
    }

    private static String describe(Duration d) {
        long seconds = d.toSeconds();
        if (seconds == 0) {
            return d.toMillis() + " ms";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
