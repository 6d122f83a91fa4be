package org.civicgrid.alert;

import java.util.Optional;
import org.civicgrid.cases.CaseFile;

/**
 * Frigate 目标补充 — puts what Frigate learnt later about a tracked object (a generated description, a face, a plate,
 * a class) into the case its alert raised or joined, while that case is open: the object's own alert
 * ({@code frigate/events}, keyed by the object id) or a review listing the object among its detections.
 * Runs inside the alert batch's transaction.
 */
final class TrackedObjectUpdates {

    /** How the addition is marked in the case description. */
    static final String MARK = "Frigate 补充：";

    private TrackedObjectUpdates() {
    }

    /** The open case enriched with the update's words, if any. */
    static Long enrich(Alert update) {
        String objectId = update.frigateEventId();
        Optional<Long> caseId = AlertMessage.<AlertMessage>find("caseId is not null and ((source = ?1 and sourceId = ?2) or (source = ?3 and payload like ?4))"
                + " order by id desc", AlertSource.FRIGATE_EVENT, objectId, AlertSource.FRIGATE, "%\"" + objectId.replace("%", "") + "\"%")
                .firstResultOptional().map(m -> m.caseId);
        if (caseId.isEmpty()) {
            return null;
        }
        CaseFile c = CaseFile.findById(caseId.get());
        if (c == null || !c.stage.isOpen()) {
            return caseId.get();
        }
        String addition = MARK + update.description();
        if (c.description == null || !c.description.contains(addition)) {
            c.description = AlertAdapters.limit((c.description == null ? "" : c.description + "\n") + addition, 3900);
        }
        return c.id;
    }
}
