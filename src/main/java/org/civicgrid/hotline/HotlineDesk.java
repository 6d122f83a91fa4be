package org.civicgrid.hotline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.ActionInput;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseActions;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseIntake;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.NewReport;
import org.civicgrid.web.Problem;

/**
 * 热线受理 — takes one call in one transaction: a new HOTLINE report through {@link CaseIntake}; for a merge that
 * report then goes through the workflow's {@code mergeDuplicate} into the chosen open case (so it stays visible
 * there); for information only no case. Every call leaves a {@link HotlineCall} row.
 */
@ApplicationScoped
class HotlineDesk {

    static final int MAX_TEXT = 2000;

    private final CaseIntake intake;
    private final CaseActions actions;
    private final Clock clock;

    HotlineDesk(CaseIntake intake, CaseActions actions, Clock clock) {
        this.intake = intake;
        this.actions = actions;
        this.clock = clock;
    }

    @Transactional
    @SingleWriter
    HotlineCall take(CallForm form, Actor taker) {
        CallOutcome outcome = form.chosen();
        HotlineCall call = new HotlineCall();
        call.takenAt = clock.instant();
        call.callerPhone = limited("callerPhone", form.callerPhone, 32);
        call.callerName = limited("callerName", form.callerName, 100);
        call.takerId = taker.staffId();
        call.takerName = taker.name();
        call.outcome = outcome;
        call.note = limited("note", form.note, MAX_TEXT);
        if (outcome == CallOutcome.INFO_ONLY) {
            if (call.note == null && blank(form.description)) {
                throw Problem.badRequest("note", "write what the caller asked or was told");
            }
            if (call.note == null) {
                call.note = limited("description", form.description, MAX_TEXT);
            }
        } else {
            CaseFile report = intake.report(new NewReport(CaseSource.HOTLINE, form.description, CallForm.number("lat", form.lat), CallForm.number("lon", form.lon), "wgs84",
                    blank(form.classCode) ? null : form.classCode.trim(), form.address, call.callerName, call.callerPhone, null), taker);
            call.caseId = report.id;
            if (outcome == CallOutcome.MERGED) {
                String note = call.note == null ? "热线来电反映同一问题" : call.note;
                long kept = CallForm.number("mergeInto", form.mergeInto).longValue();
                actions.apply(report.id, CaseAction.MERGE_DUPLICATE, taker, new ActionInput(note, null, null, null, null, null,
                        kept, null, null, null, null, null, null));
                call.mergedIntoId = kept;
            }
        }
        call.persist();
        return call;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String limited(String field, String value, int max) {
        if (blank(value)) {
            return null;
        }
        if (value.trim().length() > max) {
            throw Problem.badRequest(field, "at most " + max + " characters");
        }
        return value.trim();
    }
}
