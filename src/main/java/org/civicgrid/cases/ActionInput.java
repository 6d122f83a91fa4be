package org.civicgrid.cases;

/**
 * 操作参数 — the body of {@code POST /api/cases/{id}/actions/{action}}; which fields an action needs is given by
 * {@link CaseAction#needs()}. {@code version}, when sent, must match the case (optimistic locking). {@code lat},
 * {@code lon} (in {@code crs}, default WGS84) and {@code address} are the corrected position of {@code relocate}; {@code classCode} the new class of {@code reclassify};
 * {@code replyLimit} the time a 督办 gives the department to reply (default {@code civicgrid.cases.urge-reply-limit}).
 */
public record ActionInput(String note, Long departmentId, Long conditionId, String classCode, Long inspectorId,
        String extension, Long duplicateOfId, Integer version, Double lat, Double lon, String crs, String address,
        String replyLimit) {

    public static ActionInput note(String note) {
        return new ActionInput(note, null, null, null, null, null, null, null, null, null, null, null, null);
    }
}
