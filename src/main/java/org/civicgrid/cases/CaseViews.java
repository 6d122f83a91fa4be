package org.civicgrid.cases;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** 案卷视图 — the JSON shapes of the case API. */
public final class CaseViews {

    private CaseViews() {
    }

    /** A case in lists. */
    public record CaseSummary(Long id, String number, CaseStage stage, CaseSource source, String classCode, String description,
            String address, Double lat, Double lon, String gridCode, Long departmentId, Long assigneeId, Instant deadline,
            String stageLimit, Light light, boolean urged, int urgeCount, boolean urgeEscalated, boolean selfHandled,
            Long duplicateOfId, Instant createdAt, int version) {

        public static CaseSummary of(CaseFile c, Light light) {
            return new CaseSummary(c.id, c.number, c.stage, c.source, c.classCode, c.description, c.address, c.lat, c.lon, c.gridCode,
                    c.departmentId, c.assigneeId, c.stageDeadlineAt, c.stageLimit, light, c.urged, c.urgeCount, c.urgeEscalated,
                    c.selfHandled, c.duplicateOfId, c.createdAt, c.version);
        }
    }

    /** An open case on the map: where it is, its stage and light. */
    public record CasePoint(Long id, String number, CaseStage stage, String classCode, String address, Double lat, Double lon,
            String gridCode, Light light, boolean urged) {

        public static CasePoint of(CaseFile c, Light light) {
            return new CasePoint(c.id, c.number, c.stage, c.classCode, c.address, c.lat, c.lon, c.gridCode, light, c.urged);
        }
    }

    /**
     * A page of cases: {@code total} is exact unless {@code totalCapped} (then more than {@code total} match);
     * {@code next}/{@code previous} are the keyset positions of the neighbouring pages ({@code after=}/{@code before=}),
     * null when there is none or the list pages by offset only.
     */
    public record CasePage(List<CaseSummary> items, long total, boolean totalCapped, String next, String previous) {

        public CasePage(List<CaseSummary> items, long total) {
            this(items, total, false, null, null);
        }
    }

    /** One history row. */
    public record HistoryRow(int seq, CaseStage from, CaseStage to, String action, String actor, String role, Instant at, String note) {
        static HistoryRow of(CaseTransition t) {
            return new HistoryRow(t.seq, t.from, t.to, t.action, t.actorName, t.actorRole, t.at, t.note);
        }
    }

    /** An attachment's metadata; {@code phase} AFTER for a photo after the fix. */
    public record AttachmentView(Long id, String kind, String contentType, long size, String fileName, Integer transitionSeq,
            String phase, String uploadedBy, Instant uploadedAt, String url) {
    }

    /** 督办单: who issued it in which role, why, the reply deadline, whether it went to 领导, and the 督办回复. */
    public record UrgeView(int seq, int transitionSeq, String issuedBy, String issuedByRole, Instant issuedAt, String reason,
            String replyLimit, Instant replyDue, boolean escalated, Long departmentId, String reply, String repliedBy,
            Instant repliedAt) {

        static UrgeView of(CaseUrge u) {
            return new UrgeView(u.seq, u.transitionSeq, u.issuedByName, u.issuedByRole, u.issuedAt, u.reason, u.replyLimit,
                    u.replyDueAt, u.escalated, u.departmentId, u.reply, u.repliedByName, u.repliedAt);
        }
    }

    /**
     * 处置路径 (首接负责制): one step of the case's way between departments — {@code dispatch} (received),
     * {@code approveReturn} (returned by it), {@code reopen} (back to it).
     */
    public record PathStep(int seq, String action, Long departmentId, String department, Instant at) {
    }

    /**
     * A case with its history, attachments, merged duplicates (重复上报), 督办单, its path between departments (首接
     * 负责制) and the actions the caller may take now (the five lists are left out of an action's answer).
     */
    public record CaseDetail(Long id, String number, CaseStage stage, CaseSource source, String classCode, Long filingStandardId,
            String filingCondition, String description, String address, Double lat, Double lon, String gridCode,
            String communityCode, String streetCode, String componentId, String reporterName, String reporterPhone, Long reportedById, Long departmentId, Long assigneeId,
            Instant deadline, String stageLimit, Light light, String handlingLimit, Instant handlingDeadline,
            String pendingExtension, int extensionCount, boolean extensionNeedsLeader, boolean urged, int urgeCount,
            boolean urgeEscalated, boolean selfHandled, Long duplicateOfId, int repeatCount, int reworkCount,
            Long firstDepartmentId, Instant createdAt, Instant closedAt, int version,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryRow> history,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<AttachmentView> attachments,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CaseSummary> duplicates,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<UrgeView> urges,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<PathStep> path, List<String> actions) {
    }

    /** One row of the published transition table. */
    public record TableRow(CaseStage from, String action, CaseStage to, List<String> roles) {
    }
}
