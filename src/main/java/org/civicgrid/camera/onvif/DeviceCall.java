package org.civicgrid.camera.onvif;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * 设备调用时限 — one HTTP exchange with a camera under a total deadline: connecting, the headers and the whole body
 * must arrive within it, and the body may not exceed a size. A camera that sends headers and one byte and then
 * falls silent, or streams without end, costs at most the deadline (the exchange is cancelled), never a worker.
 */
final class DeviceCall {

    private DeviceCall() {
    }

    /** Sends {@code request} and waits at most {@code deadline} for the whole answer of at most {@code maxBytes}. */
    static HttpResponse<byte[]> send(HttpClient http, HttpRequest request, Duration deadline, int maxBytes) {
        URI uri = request.uri();
        CompletableFuture<HttpResponse<byte[]>> answer = http.sendAsync(request, info -> new LimitedBody(maxBytes));
        try {
            return answer.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            answer.cancel(true);
            throw new OnvifException(OnvifException.Kind.UNREACHABLE, "the camera at " + where(uri) + " did not finish answering within " + deadline.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            throw new OnvifException(OnvifException.Kind.UNREACHABLE, "interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof OnvifException o) {
                throw o;
            }
            throw new OnvifException(OnvifException.Kind.UNREACHABLE, "the camera at " + where(uri) + " does not answer (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }

    private static String where(URI uri) {
        int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return uri.getHost() + ":" + port;
    }

    /** Collects the body, giving up (and cancelling the exchange) past {@code max} bytes. */
    private static final class LimitedBody implements HttpResponse.BodySubscriber<byte[]> {

        private final int max;
        private final CompletableFuture<byte[]> result = new CompletableFuture<>();
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private Flow.Subscription subscription;

        LimitedBody(int max) {
            this.max = max;
        }

        @Override
        public CompletionStage<byte[]> getBody() {
            return result;
        }

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(List<ByteBuffer> buffers) {
            for (ByteBuffer b : buffers) {
                if (bytes.size() + b.remaining() > max) {
                    subscription.cancel();
                    result.completeExceptionally(new OnvifException(OnvifException.Kind.FAULT, "the camera's answer is larger than " + max / 1024 + " KB"));
                    return;
                }
                byte[] chunk = new byte[b.remaining()];
                b.get(chunk);
                bytes.writeBytes(chunk);
            }
        }

        @Override
        public void onError(Throwable t) {
            result.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            result.complete(bytes.toByteArray());
        }
    }
}
