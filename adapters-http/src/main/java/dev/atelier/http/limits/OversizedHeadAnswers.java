package dev.atelier.http.limits;

import io.micronaut.http.HttpStatus;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpHeaderException;
import io.netty.handler.codec.http.TooLongHttpLineException;
import io.netty.util.ReferenceCountUtil;

/**
 * Right after Netty's HTTP codec: answers a request line over {@code
 * micronaut.server.netty.max-initial-line-length} with 414 and a header block over {@code
 * micronaut.server.netty.max-header-size} with 431, in the dialect's error shape, and closes the
 * connection (Micronaut would answer both with a generic 413). The request goes no further.
 */
final class OversizedHeadAnswers extends ChannelInboundHandlerAdapter {
    private final RequestDeadline.Clock clock;
    private final ErrorAnswers answers;

    OversizedHeadAnswers(RequestDeadline.Clock clock, ErrorAnswers answers) {
        this.clock = clock;
        this.answers = answers;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) throws Exception {
        if (msg instanceof HttpRequest request && request.decoderResult().isFailure()) {
            Throwable cause = request.decoderResult().cause();
            HttpStatus status = cause instanceof TooLongHttpLineException
                    ? HttpStatus.REQUEST_URI_TOO_LONG
                    : cause instanceof TooLongHttpHeaderException ? HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE : null;
            if (status != null) {
                ReferenceCountUtil.release(msg);
                clock.answeredEarly();
                String message = status == HttpStatus.REQUEST_URI_TOO_LONG
                        ? "the request line is longer than the server accepts (micronaut.server.netty.max-initial-line-length)"
                        : "the request headers are larger than the server accepts (micronaut.server.netty.max-header-size)";
                // an over-long line has no trustworthy path; the default error shape answers it
                String path = status == HttpStatus.REQUEST_URI_TOO_LONG ? null : ErrorAnswers.pathOf(request.uri());
                ctx.writeAndFlush(answers.answer(status, path, message)).addListener(ChannelFutureListener.CLOSE);
                return;
            }
        }
        super.channelRead(ctx, msg);
    }
}
