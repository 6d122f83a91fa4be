package org.civicgrid.cases;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.util.List;
import org.civicgrid.web.Problem;
import org.jboss.logging.Logger;

/**
 * 超时督办 — every minute (configurable) finds open cases past their stage deadline that are not yet under 督办 and,
 * when {@code civicgrid.cases.auto-urge} is on, raises an automatic 督办 through the workflow (history row by
 * the system).
 */
@ApplicationScoped
public class OverdueScan {

    private static final Logger LOG = Logger.getLogger(OverdueScan.class);

    private final CaseActions actions;
    private final CasesConfig config;
    private final Clock clock;

    OverdueScan(CaseActions actions, CasesConfig config, Clock clock) {
        this.actions = actions;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "${civicgrid.cases.overdue-scan-every:60s}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (config.autoUrge()) {
            scan();
        }
    }

    /** Urges every overdue case not yet urged; returns how many were urged. */
    @ActivateRequestContext
    public int scan() {
        List<Long> overdue = CaseFile.<CaseFile>list("stageDeadlineAt < ?1 and urged = false and stage not in ?2", clock.instant(),
                List.of(CaseStage.CLOSED, CaseStage.DISCARDED, CaseStage.SUSPENDED)).stream().map(c -> c.id).toList();
        int urged = 0;
        for (Long id : overdue) {
            try {
                actions.apply(id, CaseAction.URGE, Actor.ofSystem(), ActionInput.note("超时自动督办"));
                urged++;
            } catch (Problem problem) {
                LOG.debugf("case %d not urged: %s", id, problem.getMessage());
            }
        }
        if (urged > 0) {
            LOG.infof("overdue scan: %d case(s) urged automatically", urged);
        }
        return urged;
    }
}
