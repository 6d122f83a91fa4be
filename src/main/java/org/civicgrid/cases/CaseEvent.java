package org.civicgrid.cases;

import java.time.Instant;

/** 案卷事件 — what the outbox carries upward for one history row: enough for the hub to follow the case. */
public record CaseEvent(long caseId, String caseNumber, int seq, String action, CaseStage from, CaseStage to,
        String actorName, String actorRole, Instant at, String note, String source, String classCode, Long departmentId,
        Double lat, Double lon, Instant stageDeadlineAt) {

    static CaseEvent of(CaseFile c, CaseTransition row) {
        return new CaseEvent(c.id, c.number, row.seq, row.action, row.from, row.to, row.actorName, row.actorRole, row.at,
                row.note, c.source.name(), c.classCode, c.departmentId, c.lat, c.lon, c.stageDeadlineAt);
    }
}
