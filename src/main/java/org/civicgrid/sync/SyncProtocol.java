package org.civicgrid.sync;

import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.List;

/**
 * 上报协议 — the JSON of {@code /api/hub/v1} (docs/sync-protocol.md): batches of outbox events going up, the hub's
 * acknowledgement (the highest contiguous per-site {@code seq} it stored), and 上级交办 coming down.
 */
public final class SyncProtocol {

    /** The protocol version in the path ({@code /api/hub/v1}) and in every batch. */
    public static final int VERSION = 1;

    /**
     * The event of a 公众评价 (portal rating) or a 回访 (call-back) recorded on the edge: no history row, the case's state,
     * and {@link Event#rating}. Added to protocol 1 without a new number (an older hub stores such an event as a state
     * update of its case and acknowledges it; see docs/sync-protocol.md).
     */
    public static final String RATING_ADDED = "rating.added";

    /**
     * The event of a camera or drone alert merged into a still-open case as a further report of it (重复上报): no history
     * row, the case's state, and {@link Event#alertMerge}; its {@code at} is when the alert came in. Manual and hotline
     * merges need no event of their own: they are history rows ({@code mergeDuplicate}).
     */
    public static final String ALERT_MERGED = "alert.merged";

    private SyncProtocol() {
    }

    /** A batch: events of one site in {@code seq} order; {@code backlog} is how many more wait on the edge. */
    @RegisterForReflection
    public record Batch(int protocol, String siteId, long backlog, List<Event> events) {
    }

    /**
     * One outbox event: the case's state when the edge sent it ({@link CaseState#historyCount} orders states), the
     * history row the event is about (none for an attachment event), and the case's attachments by SHA-256.
     */
    @RegisterForReflection
    public record Event(String eventId, long seq, String type, long caseId, Instant at, CaseState state, List<HistoryRow> history,
            List<AttachmentRef> attachments, Rating rating, AlertMerge alertMerge) {

        /**
         * An upper estimate of this event's JSON in bytes, without writing it: the field names and numbers (measured
         * 2026-12-07: ~480 bytes for the event and its state, ~280 per history row, ~190 per attachment, all rounded
         * up) plus every text at 3 bytes a character (UTF-8 of Chinese; JSON escapes of control characters aside).
         */
        public int estimatedBytes() {
            int bytes = 600 + 3 * (len(eventId) + len(type) + len(state.caseNumber()) + len(state.classCode()) + len(state.description())
                    + len(state.address()) + len(state.gridCode()) + len(state.source()) + len(state.stage()));
            for (HistoryRow h : history) {
                bytes += 350 + 3 * (len(h.action()) + len(h.from()) + len(h.to()) + len(h.actorName()) + len(h.actorRole()) + len(h.note()));
            }
            for (AttachmentRef a : attachments) {
                bytes += 250 + 3 * (len(a.kind()) + len(a.contentType()) + len(a.phase()));
            }
            if (rating != null) {
                bytes += 120 + 3 * len(rating.kind());
            }
            if (alertMerge != null) {
                bytes += 60;
            }
            return bytes;
        }

        private static int len(String s) {
            return s == null ? 0 : s.length();
        }
    }

    /** The case as the edge holds it; {@code assignmentId} links a 上级交办 case to the hub's assignment. */
    @RegisterForReflection
    public record CaseState(String caseNumber, String source, String classCode, String description, String address, Double lat,
            Double lon, String gridCode, String stage, int historyCount, Instant stageDeadlineAt, Long assignmentId,
            Instant createdAt, Instant closedAt) {
    }

    /**
     * One 流转记录 of the edge, with its evaluation clocks (so the hub can evaluate across towns): {@code dueAt} the
     * 考核时限 the row set (null when it set none), {@code stageDueAt} the deadline of the stage it ended. Both are
     * absent in batches of edges built before they were added (read as null).
     */
    @RegisterForReflection
    public record HistoryRow(int seq, String action, String from, String to, String actorName, String actorRole, Instant at,
            String note, Instant dueAt, Instant stageDueAt) {
    }

    /**
     * A rating of {@link #RATING_ADDED}: {@code kind} {@link #PORTAL} (the reporter's 1–5 stars, {@code score}) or
     * {@link #CALLBACK} (a 回访, {@code satisfied}); {@code ratingId} is its row on the edge (per site and kind, the hub
     * keeps it once). Its time is the event's {@code at}. Comments and notes stay on the edge.
     */
    @RegisterForReflection
    public record Rating(String kind, long ratingId, Integer score, Boolean satisfied) {

        public static final String PORTAL = "PORTAL";
        public static final String CALLBACK = "CALLBACK";

        public static Rating portal(long ratingId, int score) {
            return new Rating(PORTAL, ratingId, score, null);
        }

        public static Rating callBack(long ratingId, boolean satisfied) {
            return new Rating(CALLBACK, ratingId, null, satisfied);
        }
    }

    /** The alert of {@link #ALERT_MERGED}: its row on the edge ({@code alert_message.id}; the hub keeps it once per site). */
    @RegisterForReflection
    public record AlertMerge(long alertId) {
    }

    /** An attachment by reference; its bytes go to {@code PUT /api/hub/v1/blobs/{sha256}} when the hub asks. */
    @RegisterForReflection
    public record AttachmentRef(String sha256, String kind, String contentType, long size, Integer transitionSeq, String phase) {
    }

    /** The hub's answer: everything up to {@code ackedSeq} is stored; {@code missingBlobs} are files it lacks. */
    @RegisterForReflection
    public record Ack(String siteId, long ackedSeq, int stored, int duplicates, List<String> missingBlobs) {
    }

    /** 上级交办 as the edge pulls it. */
    @RegisterForReflection
    public record Assignment(long assignmentId, String description, String address, double lat, double lon, String classCode,
            Instant dueAt, Instant createdAt) {
    }
}
