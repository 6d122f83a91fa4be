package org.civicgrid.alert;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * 视频片段下载 — fetches an alert's clip (Frigate's {@code /api/events/<id>/clip.mp4}) into a file within a size bound
 * and one deadline for the whole download: a server that announces or sends more than the bound is cut off at once
 * ({@link TooLarge}: the clip stays a link), one that stalls is abandoned when the deadline passes. Writes straight to
 * the file, never holding the clip in memory.
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

    /** Downloads {@code url} into {@code file} (truncated first); returns the bytes written. */
    static long fetch(HttpClient http, String url, Path file, long maxBytes, Duration deadline) throws IOException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(deadline).GET().build();
        AtomicReference<Bounded> writing = new AtomicReference<>();
        CompletableFuture<HttpResponse<Long>> answer = http.sendAsync(request, info -> {
            if (info.statusCode() != 200) {
                return HttpResponse.BodySubscribers.replacing(null);
            }
            long announced = info.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (announced > maxBytes) {
                return Bounded.refusing(new TooLarge(maxBytes));
            }
            Bounded body = new Bounded(file, maxBytes);
            writing.set(body);
            return body;
        });
        try {
            HttpResponse<Long> response = answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (response.statusCode() != 200 || response.body() == null) {
                throw new IOException("HTTP " + response.statusCode() + " from " + url);
            }
            if (response.body() == 0) {
                throw new IOException("empty clip from " + url);
            }
            return response.body();
        } catch (TimeoutException stalled) {
            answer.cancel(true);
            stop(writing.get());
            throw new IOException("clip download timed out after " + deadline.toSeconds() + " s: " + url);
        } catch (InterruptedException interrupted) {
            answer.cancel(true);
            stop(writing.get());
            Thread.currentThread().interrupt();
            throw new IOException("interrupted");
        } catch (ExecutionException failed) {
            for (Throwable cause = failed.getCause(); cause != null; cause = cause.getCause()) {
                if (cause instanceof TooLarge tooLarge) {
                    throw tooLarge;
                }
            }
            Throwable cause = failed.getCause();
            throw new IOException(cause == null ? failed.toString() : cause.toString(), cause);
        }
    }

    private static void stop(Bounded body) {
        if (body != null) {
            body.fail(new IOException("abandoned"));
        }
    }

    /** Writes the body to the file up to {@code max} bytes, cancelling the download past it. */
    private static final class Bounded implements HttpResponse.BodySubscriber<Long> {
        private final long max;
        private final FileChannel out;
        private final CompletableFuture<Long> result = new CompletableFuture<>();
        private Flow.Subscription subscription;
        private long written;

        Bounded(Path file, long max) {
            this.max = max;
            try {
                this.out = file == null ? null : FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Bounded refusing(IOException error) {
            Bounded refused = new Bounded(null, 0);
            refused.result.completeExceptionally(error);
            return refused;
        }

        @Override
        public synchronized void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (result.isDone()) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public synchronized void onNext(List<ByteBuffer> items) {
            try {
                for (ByteBuffer b : items) {
                    if (result.isDone()) {
                        return;
                    }
                    if (written + b.remaining() > max) {
                        fail(new TooLarge(max));
                        return;
                    }
                    while (b.hasRemaining()) {
                        written += out.write(b);
                    }
                }
            } catch (IOException e) {
                fail(e);
            }
        }

        synchronized void fail(Throwable error) {
            if (subscription != null) {
                subscription.cancel();
            }
            close();
            result.completeExceptionally(error);
        }

        @Override
        public synchronized void onError(Throwable error) {
            close();
            result.completeExceptionally(error);
        }

        @Override
        public synchronized void onComplete() {
            close();
            result.complete(written);
        }

        private void close() {
            if (out != null) {
                try {
                    out.close();
                } catch (IOException ignored) {
                    // the caller deletes the file on failure
                }
            }
        }

        @Override
        public CompletableFuture<Long> getBody() {
            return result;
        }
    }
}
