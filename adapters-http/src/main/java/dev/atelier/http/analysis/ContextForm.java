package dev.atelier.http.analysis;

import dev.atelier.application.analysis.DraftProjectFromContext;
import dev.atelier.domain.error.InvalidInputException;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.http.multipart.CompletedPart;
import io.micronaut.http.server.multipart.MultipartBody;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.reactivestreams.Subscriber;
import org.reactivestreams.Subscription;

/**
 * The multipart form of a context analysis, as every dialect that offers one sends it: text fields
 * ({@code context}, {@code scope}) and any number of file parts named {@code files}.
 */
public record ContextForm(Map<String, String> fields, List<DraftProjectFromContext.Upload> files) {
    /** The value of the text field {@code name}, or null when it was not sent. */
    public String field(String name) {
        return fields.get(name);
    }

    /** Reads every part of {@code body}; the caller runs on a blocking thread. */
    public static ContextForm read(MultipartBody body) {
        Map<String, String> fields = new LinkedHashMap<>();
        List<DraftProjectFromContext.Upload> files = new ArrayList<>();
        CompletableFuture<Void> done = new CompletableFuture<>();
        body.subscribe(new Subscriber<CompletedPart>() {
            private Subscription subscription;

            @Override
            public void onSubscribe(Subscription s) {
                subscription = s;
                s.request(1);
            }

            @Override
            public void onNext(CompletedPart part) {
                try {
                    if (part instanceof CompletedFileUpload upload) {
                        if (!part.getName().equals("files")) {
                            throw new InvalidInputException(
                                    "unexpected file part '" + part.getName() + "'; send files as 'files'");
                        }
                        files.add(new DraftProjectFromContext.Upload(upload.getFilename(), upload.getBytes()));
                    } else {
                        fields.put(part.getName(), new String(part.getBytes(), StandardCharsets.UTF_8));
                    }
                } catch (IOException e) {
                    done.completeExceptionally(new UncheckedIOException(e));
                    subscription.cancel();
                    return;
                } catch (RuntimeException e) {
                    done.completeExceptionally(e);
                    subscription.cancel();
                    return;
                }
                subscription.request(1);
            }

            @Override
            public void onError(Throwable t) {
                done.completeExceptionally(t);
            }

            @Override
            public void onComplete() {
                done.complete(null);
            }
        });
        try {
            done.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvalidInputException("the upload was interrupted");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new InvalidInputException("the multipart body could not be read");
        }
        return new ContextForm(fields, files);
    }
}
