package org.yizhan.hall;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Receives one body: counts and caps it, keeps its progress for the watchdog, and can be aborted from
 * outside. A body that is not wanted (an error status) keeps only a short excerpt, for the reason.
 */
final class Body implements HttpResponse.BodySubscriber<Void> {
    private static final int ERROR_EXCERPT = 2048;

    private final long cap;
    private final String whenOverCap;
    private final HallClient.Sink sink;
    private final CompletableFuture<Void> done = new CompletableFuture<>();
    private final ByteArrayOutputStream errorText = new ByteArrayOutputStream();
    private volatile Flow.Subscription subscription;
    private volatile boolean started;
    private volatile long lastProgress = System.nanoTime();
    private volatile long count;
    /** A {@link HallFailure}, or the sink's own IOException. */
    private volatile Exception failure;
    private boolean wanted;

    Body(long cap, String whenOverCap, HallClient.Sink sink) {
        this.cap = cap;
        this.whenOverCap = whenOverCap;
        this.sink = sink;
    }

    /** The headers have arrived; a {@code wanted} body goes to the sink. */
    HttpResponse.BodySubscriber<Void> start(boolean wanted) {
        this.wanted = wanted;
        started = true;
        lastProgress = System.nanoTime();
        return this;
    }

    boolean started() {
        return started;
    }

    long lastProgress() {
        return lastProgress;
    }

    long count() {
        return count;
    }

    Exception failure() {
        return failure;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription = s;
        if (failure != null) {
            s.cancel();
            return;
        }
        s.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(List<ByteBuffer> buffers) {
        lastProgress = System.nanoTime();
        try {
            for (ByteBuffer buffer : buffers) {
                count += buffer.remaining();
                if (!wanted) {
                    keepExcerpt(buffer);
                    if (errorText.size() >= ERROR_EXCERPT) {
                        // Enough to tell the technician why; the rest of an error page is not worth waiting for.
                        subscription.cancel();
                        done.complete(null);
                        return;
                    }
                    continue;
                }
                if (count > cap) {
                    abort(new HallFailure.BadAnswer(whenOverCap));
                    return;
                }
                sink.write(buffer);
            }
        } catch (IOException e) {
            abort(e);
        }
    }

    private void keepExcerpt(ByteBuffer buffer) {
        while (buffer.hasRemaining() && errorText.size() < ERROR_EXCERPT) {
            errorText.write(buffer.get());
        }
    }

    /** Error pages in Chinese are UTF-8 far more often than anything else; a bad byte becomes U+FFFD. */
    String excerpt() {
        return errorText.toString(StandardCharsets.UTF_8);
    }

    void abort(Exception why) {
        if (failure == null) {
            failure = why;
        }
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
        done.completeExceptionally(why);
    }

    @Override
    public void onError(Throwable throwable) {
        done.completeExceptionally(throwable);
    }

    @Override
    public void onComplete() {
        done.complete(null);
    }

    @Override
    public CompletionStage<Void> getBody() {
        return done;
    }
}
