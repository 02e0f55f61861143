package dev.atelier.http.limits;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelDuplexHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPromise;
import io.netty.channel.socket.ChannelInputShutdownEvent;
import io.netty.channel.socket.DuplexChannel;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Ends a connection gently after an error answered before the request's body was received (a
 * Content-Length over the limit, a refused credential, …). The answer says {@code Connection:
 * close}; once it is written the server half-closes, then reads and discards what the client still
 * sends (at most {@code micronaut.server.max-request-size} bytes, at most 10 s) and closes when the
 * client is done. Closing at once would let the kernel reset a connection whose client is still
 * sending, sometimes before the client has read the answer.
 *
 * <p>Two handlers per connection: {@link Answers} after the HTTP codec notices the early answer;
 * {@link Discard} before the codec (and before the request deadline's clock) throws away what
 * arrives afterwards, so nothing of it is decoded or timed.
 */
final class EarlyAnswerDrain {
    /** How long the rest of a refused body is read and discarded at most before the connection closes. */
    private static final long DRAIN_MILLIS = 10_000;

    private final RequestDeadline.Clock clock;
    private final long drainBytes;
    private final Discard discard = new Discard();
    private final Answers answers = new Answers();

    EarlyAnswerDrain(RequestDeadline.Clock clock, long drainBytes) {
        this.clock = clock;
        this.drainBytes = drainBytes;
    }

    ChannelInboundHandlerAdapter discard() {
        return discard;
    }

    ChannelDuplexHandler answers() {
        return answers;
    }

    /** Before the codec: once draining, counts and drops the client's bytes; closes when it is done. */
    private final class Discard extends ChannelInboundHandlerAdapter {
        private ChannelHandlerContext own;
        private boolean draining;
        private long drained;
        private ScheduledFuture<?> timer;

        @Override
        public void handlerAdded(ChannelHandlerContext ctx) {
            own = ctx;
        }

        @Override
        public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
            if (!draining) {
                super.channelRead(ctx, msg);
                return;
            }
            if (msg instanceof ByteBuf bytes) {
                drained += bytes.readableBytes();
            }
            ReferenceCountUtil.release(msg);
            if (drained > drainBytes) {
                ctx.close();
            }
        }

        @Override
        public void userEventTriggered(ChannelHandlerContext ctx, Object event) throws Exception {
            if (draining && event instanceof ChannelInputShutdownEvent) {
                ctx.close(); // the client has sent everything: nothing can be reset any more
                return;
            }
            super.userEventTriggered(ctx, event);
        }

        @Override
        public void channelInactive(ChannelHandlerContext ctx) throws Exception {
            if (timer != null) {
                timer.cancel(false);
                timer = null;
            }
            super.channelInactive(ctx);
        }

        /** After the early answer was written: half-close, then discard until the client is done. */
        void start() {
            clock.end();
            draining = true;
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
    }

    /** After the codec: marks an early error answer {@code Connection: close} and drains once it is written. */
    private final class Answers extends ChannelDuplexHandler {
        private boolean closeAfterAnswer;
        /** Set once an early error answer is on its way: the discarding side closes the connection. */
        private boolean draining;

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) throws Exception {
            if (msg instanceof HttpResponse response && response.status().code() >= 400 && clock.receiving()) {
                response.headers().set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
                closeAfterAnswer = true;
            }
            if (closeAfterAnswer && msg instanceof LastHttpContent) {
                closeAfterAnswer = false;
                draining = true;
                // Micronaut writes with void promises, which take no listener
                ChannelPromise written = promise.unvoid();
                written.addListener(done -> discard.start());
                super.write(ctx, msg, written);
                return;
            }
            super.write(ctx, msg, promise);
        }

        /**
         * Micronaut closes a connection whose answer says {@code Connection: close}; after an early
         * error answer the discarding side closes it instead, once the client's rest is read.
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
}
