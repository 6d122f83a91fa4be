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
            String stageLimit, Light light, boolean urged, boolean selfHandled, Long duplicateOfId, Instant createdAt, int version) {

        static CaseSummary of(CaseFile c, Light light) {
            return new CaseSummary(c.id, c.number, c.stage, c.source, c.classCode, c.description, c.address, c.lat, c.lon, c.gridCode,
                    c.departmentId, c.assigneeId, c.stageDeadlineAt, c.stageLimit, light, c.urged, c.selfHandled, c.duplicateOfId,
                    c.createdAt, c.version);
        }
    }

    /** An open case on the map: where it is, its stage and light. */
    public record CasePoint(Long id, String number, CaseStage stage, String classCode, String address, Double lat, Double lon,
            String gridCode, Light light, boolean urged) {

        static CasePoint of(CaseFile c, Light light) {
            return new CasePoint(c.id, c.number, c.stage, c.classCode, c.address, c.lat, c.lon, c.gridCode, light, c.urged);
        }
    }

    /** A page of cases. */
    public record CasePage(List<CaseSummary> items, long total) {
    }

    /** One history row. */
    public record HistoryRow(int seq, CaseStage from, CaseStage to, String action, String actor, String role, Instant at, String note) {
        static HistoryRow of(CaseTransition t) {
            return new HistoryRow(t.seq, t.from, t.to, t.action, t.actorName, t.actorRole, t.at, t.note);
        }
    }

    /** An attachment's metadata. */
    public record AttachmentView(Long id, String kind, String contentType, long size, String fileName, Integer transitionSeq,
            String uploadedBy, Instant uploadedAt, String url) {
    }

    /**
     * A case with its history, attachments, merged duplicates and the actions the caller may take now (the three
     * lists are left out of an action's answer).
     */
    public record CaseDetail(Long id, String number, CaseStage stage, CaseSource source, String classCode, Long filingStandardId,
            String filingCondition, String description, String address, Double lat, Double lon, String gridCode,
            String communityCode, String streetCode, String componentId, String reporterName, String reporterPhone, Long reportedById, Long departmentId, Long assigneeId,
            Instant deadline, String stageLimit, Light light, String handlingLimit, Instant handlingDeadline,
            String pendingExtension, boolean urged, boolean selfHandled, Long duplicateOfId, int reworkCount,
            Instant createdAt, Instant closedAt, int version, @JsonInclude(JsonInclude.Include.NON_NULL) List<HistoryRow> history,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<AttachmentView> attachments,
            @JsonInclude(JsonInclude.Include.NON_NULL) List<CaseSummary> duplicates, List<String> actions) {
    }

    /** One row of the published transition table. */
    public record TableRow(CaseStage from, String action, CaseStage to, List<String> roles) {
    }
}
