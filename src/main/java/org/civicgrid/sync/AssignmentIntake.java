package org.civicgrid.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.cases.Actor;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseIntake;
import org.civicgrid.cases.CaseSource;
import org.civicgrid.cases.Deadlines;
import org.civicgrid.cases.NewReport;

/**
 * 上级交办接收 — takes the hub's assignments for this site: each becomes a case of source 上级交办 (SUPERIOR) in the
 * ordinary workflow, exactly once (the assignment id is its key here), and keeps the hub's deadline (上级时限: no clock
 * of the case runs past it). Its progress
 * goes up like every case's, carrying the assignment id.
 */
@ApplicationScoped
public class AssignmentIntake {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(AssignmentIntake.class);

    private final CaseIntake intake;
    private final Deadlines deadlines;
    private final SyncLedger ledger;
    private final Clock clock;

    AssignmentIntake(CaseIntake intake, Deadlines deadlines, SyncLedger ledger, Clock clock) {
        this.intake = intake;
        this.deadlines = deadlines;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Pulls and takes new assignments; returns how many became cases. */
    long pull(HubSender sender) {
        long taken = 0;
        for (SyncProtocol.Assignment a : sender.assignments(ledger.state().lastAssignment)) {
            try {
                if (take(a)) {
                    taken++;
                }
            } catch (org.civicgrid.web.Problem refused) {
                // an assignment this site cannot take (outside the county, unknown class) must not stop the others
                LOG.warnf("上级交办 %d refused: %s", a.assignmentId(), refused.getMessage());
                ledger.tookAssignment(a.assignmentId());
            }
        }
        return taken;
    }

    @Transactional
    @SingleWriter
    boolean take(SyncProtocol.Assignment a) {
        if (SyncAssignment.findById(a.assignmentId()) == null) {
            CaseFile c = intake.report(new NewReport(CaseSource.SUPERIOR, a.description(), a.lat(), a.lon(), null, a.classCode(), a.address(),
                    null, null, null), Actor.ofSystem());
            deadlines.setSuperiorDeadline(c, a.dueAt());
            SyncAssignment link = new SyncAssignment();
            link.assignmentId = a.assignmentId();
            link.caseId = c.id;
            link.dueAt = a.dueAt();
            link.receivedAt = clock.instant();
            link.persist();
            ledger.tookAssignment(a.assignmentId());
            return true;
        }
        ledger.tookAssignment(a.assignmentId());
        return false;
    }
}
