package org.civicgrid.alert;

/** What an adapter made of one message: an alert, or a rejection with its reason. */
public sealed interface Parsed {

    /** A message understood. */
    record Ok(Alert alert) implements Parsed {
    }

    /**
     * A message refused. {@code sourceId} is the source's own id when it could be read, else a hash of the payload
     * (so a redelivered bad message is stored once). {@code reply} answers a device that waits for one (a DJI dock's
     * {@code need_reply=1}) with a non-zero result, when the message can be identified; null otherwise.
     */
    record Rejected(AlertSource source, String sourceId, String device, String reason, Alert.Reply reply) implements Parsed {

        Rejected(AlertSource source, String sourceId, String device, String reason) {
            this(source, sourceId, device, reason, null);
        }
    }
}
