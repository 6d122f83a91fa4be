package org.civicgrid.alert;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * 视频片段下载 — fetches an alert's clip (Frigate's {@code /api/events/<id>/clip.mp4}) within a size bound and one deadline
 * for the whole download: a server that announces or sends more than the bound is cut off at once ({@link TooLarge}:
 * the clip stays a link), one that stalls is abandoned when the deadline passes. Never holds more than the bound.
 */
final class ClipDownload {

    /** The clip is bigger than the box keeps; it stays a link. */
    static final class TooLarge extends IOException {
        TooLarge(long max) {
            super("clip larger than " + max + " bytes: kept as a link");
        }
    }

    private ClipDownload() {
    }

    static byte[] fetch(HttpClient http, String url, long maxBytes, Duration deadline) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(deadline).GET().build();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            return announced > maxBytes ? failing(new TooLarge(maxBytes)) : new Bounded(maxBytes);
        });
        try {
            HttpResponse<byte[]> response = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200 || response.body() == null) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            return response.body();
        } catch (TimeoutException stalled) {
            answer.cancel(true);
            throw new IOException("clip download timed out after " + deadline.toSeconds() + " s: " + url);
        } catch (InterruptedException interrupted) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException failed) {
            Throwable cause = failed.getCause();
            if (cause instanceof TooLarge tooLarge) {
                throw tooLarge;
            }
            if (cause != null && cause.getCause() instanceof TooLarge tooLarge) {
                throw tooLarge;
            }
            throw new IOException(cause == null ? failed.toString() : cause.toString(), cause);
        }
    }

    private static HttpResponse.BodySubscriber<byte[]> failing(IOException error) {
        Bounded refused = new Bounded(0);
        refused.result.completeExceptionally(error);
        return refused;
    }

    /** Collects the body up to {@code max} bytes, cancelling the download past it. */
    private static final class Bounded implements HttpResponse.BodySubscriber<byte[]> {
        private final long max;
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private Flow.Subscription subscription;

        Bounded(long max) {
            this.max = max;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(List<ByteBuffer> items) {
            for (ByteBuffer b : items) {
                if (result.isDone()) {
                    return;
                }
                if (out.size() + (long) b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new TooLarge(max));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                out.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable error) {
            result.completeExceptionally(error);
        }

        @Override
        public void onComplete() {
            result.complete(out.toByteArray());
        }

        @Override
        public CompletableFuture<byte[]> getBody() {
            return result;
        }
    }
}
