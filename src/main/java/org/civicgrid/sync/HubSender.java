package org.civicgrid.sync;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * 上级平台接口 — how the relay talks to the platform above. {@link HttpHubSender} speaks civicgrid's own protocol
 * ({@code /api/hub/v1}); a province's platform (12345 / 一网统管 case push) is another implementation
 * (docs/sync-protocol.md, "Adapters"). Every method throws {@link SyncException} when the platform cannot be reached
 * or refuses; the relay then backs off and sends the same events again.
 */
public interface HubSender {

    /** Sends one batch; the answer says up to which {@code seq} the platform stored. */
    SyncProtocol.Ack send(SyncProtocol.Batch batch);

    /**
     * Sends one batch without waiting for its answer, so the relay can have several in flight. A platform that takes
     * one batch at a time keeps this default: it sends at once and answers when done (the relay then simply waits).
     */
    default CompletableFuture<SyncProtocol.Ack> sendAsync(SyncProtocol.Batch batch) {
        try {
            return CompletableFuture.completedFuture(send(batch));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Uploads one attachment file the platform asked for. */
    void upload(String sha256, String contentType, Path file);

    /** 上级交办 for this site with an id above {@code after}, oldest first (empty when the platform has none). */
    List<SyncProtocol.Assignment> assignments(long after);

    /** Failure to reach or be accepted by the platform. */
    class SyncException extends RuntimeException {
        public SyncException(String message) {
            super(message);
        }

        public SyncException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
