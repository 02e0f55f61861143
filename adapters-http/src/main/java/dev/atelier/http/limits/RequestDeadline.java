package dev.atelier.http.limits;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.atelier.http.error.Dialect;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.netty.channel.ChannelPipelineCustomizer;
import io.micronaut.http.server.netty.NettyServerCustomizer;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.UUID;
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
 * <p>Two handlers per connection share the clock: one before Netty's HTTP codec starts it at the
 * first byte of a request (so a trickled request line or header block counts too), one after the
 * codec stops it at the request's last content. The second also answers a request line over
 * {@code micronaut.server.netty.max-initial-line-length} with 414 and a header block over {@code
 * micronaut.server.netty.max-header-size} with 431 (Micronaut would answer both with 413).
 */
@Singleton
final class RequestDeadline implements BeanCreatedEventListener<NettyServerCustomizer.Registry> {
    private static final Logger LOG = LoggerFactory.getLogger(RequestDeadline.class);
    private static final String CLOCK = "atelier-request-clock";
    private static final String WATCH = "atelier-request-watch";

    /** How long the rest of a refused body is read and discarded at most before the connection closes. */
    private static final long DRAIN_MILLIS = 10_000;

    private final Duration deadline;
    private final ObjectMapper json;
    private final long drainBytes;

    RequestDeadline(
            @Value("${atelier.http.upload-deadline:10m}") Duration deadline,
            @Value("${micronaut.server.max-request-size}") long drainBytes,
            ObjectMapper json) {
        this.drainBytes = drainBytes;
        if (deadline == null || deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("atelier.http.upload-deadline must be positive, got " + deadline);
        }
        this.deadline = deadline;
        this.json = json;
    }

    @Override
    public NettyServerCustomizer.Registry onCreated(BeanCreatedEvent<NettyServerCustomizer.Registry> event) {
        NettyServerCustomizer.Registry registry = event.getBean();
        registry.register(new Customizer(null));
        return registry;
    }

    /** Adds the two handlers to every HTTP/1 connection's pipeline. */
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
            if (channel == null) {
                return;
            }
            ChannelPipeline pipeline = channel.pipeline();
            String codec = ChannelPipelineCustomizer.HANDLER_HTTP_SERVER_CODEC;
            if (pipeline.get(codec) == null || pipeline.get(CLOCK) != null) {
                return; // not HTTP/1 (or already guarded)
            }
            Clock clock = new Clock();
            pipeline.addBefore(codec, CLOCK, clock);
            pipeline.addAfter(codec, WATCH, new Watch(clock));
        }
    }

    private enum Phase {
        /** Between requests: the next byte starts the clock. */
        IDLE,
        /** Reading a request; the deadline runs. */
        RECEIVING,
        /** The request was read whole; the server is answering. */
        ANSWERING,
        /**
         * An error was answered before the body arrived: the server has sent its answer and its
         * end of the connection, and reads and discards what the client still sends (up to a
         * bound) so that closing never resets the connection under an answer not yet read.
         */
        DRAINING
    }

    /** Per connection: the phase, the running deadline and what the watch learned of the request. */
    private final class Clock extends ChannelInboundHandlerAdapter {
        private Phase phase = Phase.IDLE;
        private ScheduledFuture<?> timer;
        private boolean answerStarted;
        private String path;
        /** The context after the codec: answers written there are encoded as HTTP. */
        private ChannelHandlerContext http;

        private ChannelHandlerContext own;
        private long drained;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            own = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (phase == Phase.DRAINING) {
                if (msg instanceof ByteBuf bytes) {
                    drained += bytes.readableBytes();
                }
                ReferenceCountUtil.release(msg);
                if (drained > drainBytes) {
                    ctx.close();
                }
                return;
            }
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

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (phase == Phase.DRAINING && event instanceof ChannelInputShutdownEvent) {
                ctx.close(); // the client has sent everything: nothing can be reset any more
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        /** After an early error answer was written: half-close, then discard until the client is done. */
        void drainThenClose() {
            stop();
            phase = Phase.DRAINING;
            Channel channel = own.channel();
            if (!(channel instanceof DuplexChannel duplex) || !channel.isActive()) {
                own.close();
                return;
            }
            channel.config().setOption(ChannelOption.ALLOW_HALF_CLOSURE, true);
            channel.config().setAutoRead(true);
            duplex.shutdownOutput();
            timer = own.executor().schedule(() -> own.close(), DRAIN_MILLIS, TimeUnit.MILLISECONDS);
            own.read();
        }

        void received() {
            if (phase == Phase.RECEIVING) {
                phase = Phase.ANSWERING;
                stop();
            }
        }

        void answered() {
            if (phase == Phase.ANSWERING) {
                phase = Phase.IDLE;
            }
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
            http.writeAndFlush(errorAnswer(
                            HttpStatus.REQUEST_TIMEOUT,
                            path,
                            "the request was not received within " + describe(deadline)
                                    + " (atelier.http.upload-deadline); send it faster or in smaller parts"))
                    .addListener(ChannelFutureListener.CLOSE);
        }
    }

    /** After the codec: stops the clock at the request's last content; answers over-long heads. */
    private final class Watch extends ChannelDuplexHandler {
        private final Clock clock;
        private boolean closeAfterAnswer;
        /** Set once an early error answer is on its way: the clock closes the connection itself. */
        private boolean draining;

        Watch(Clock clock) {
            this.clock = clock;
        }

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            clock.http = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (msg instanceof HttpRequest request) {
                clock.path = pathOf(request.uri());
                if (request.decoderResult().isFailure()) {
                    Throwable cause = request.decoderResult().cause();
                    HttpStatus status = cause instanceof TooLongHttpLineException
                            ? HttpStatus.REQUEST_URI_TOO_LONG
                            : cause instanceof TooLongHttpHeaderException
                                    ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE
                                    : null;
                    if (status != null) {
                        ReferenceCountUtil.release(msg);
                        clock.received();
                        clock.answerStarted = true;
                        String message = status == HttpStatus.REQUEST_URI_TOO_LONG
                                ? "the request line is longer than the server accepts (micronaut.server.netty.max-initial-line-length)"
                                : "the request headers are larger than the server accepts (micronaut.server.netty.max-header-size)";
                        String path = status == HttpStatus.REQUEST_URI_TOO_LONG ? null : clock.path;
                        ctx.writeAndFlush(errorAnswer(status, path, message)).addListener(ChannelFutureListener.CLOSE);
                        return;
                    }
                }
            }
            if (msg instanceof LastHttpContent) {
                clock.received();
            }
            super.channelRead(ctx, msg);
        }

        /**
         * Notes when an answer starts and ends. An error answered before the request's body was
         * received (a Content-Length over the limit, say) closes the connection once written, so
         * that the body is never read at all.
         */
        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response && response.status().code() >= 200) {
                // (a 100 Continue is not the answer)
                clock.answerStarted = true;
                if (clock.phase == Phase.RECEIVING && response.status().code() >= 400) {
                    response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                    closeAfterAnswer = true;
                }
            }
            if (msg instanceof LastHttpContent
                    && !(msg instanceof HttpResponse r && r.status().code() < 200)) {
                clock.answered();
                if (closeAfterAnswer) {
                    closeAfterAnswer = false;
                    // Micronaut writes with void promises, which take no listener
                    ChannelPromise written = promise.unvoid();
                    draining = true;
                    written.addListener(done -> clock.drainThenClose());
                    super.write(ctx, msg, written);
                    return;
                }
            }
            super.write(ctx, msg, promise);
        }

        /**
         * Micronaut closes a connection whose answer says {@code Connection: close}; after an early
         * error answer the clock closes it instead, once the client's rest has been discarded.
         */
        @Override
        public void close(ChannelHandlerContext ctx, ChannelPromise promise) throws Exception {
            if (draining && ctx.channel().isActive()) {
                promise.trySuccess();
                return;
            }
            super.close(ctx, promise);
        }
    }

    private FullHttpResponse errorAnswer(HttpStatus status, String path, String message) {
        Dialect dialect = Dialect.forPath(path);
        byte[] body;
        try {
            body = json.writeValueAsBytes(dialect.errorBody(status, message));
        } catch (JsonProcessingException e) {
            body = new byte[0];
        }
        FullHttpResponse answer = new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1, HttpResponseStatus.valueOf(status.getCode()), Unpooled.wrappedBuffer(body));
        answer.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, dialect.errorMediaType().toString())
                .set(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE)
                .set("X-Request-Id", UUID.randomUUID().toString());
        return answer;
    }

    private static String pathOf(String uri) {
        if (uri == null) {
            return null;
        }
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    private static String describe(Duration d) {
        long seconds = d.toSeconds();
        if (seconds == 0) {
            return d.toMillis() + " ms";
        }
        return seconds % 60 == 0 ? seconds / 60 + " min" : seconds + " s";
    }
}
