package org.civicgrid.cases;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.civicgrid.web.Problem;
import org.jboss.logging.Logger;

/**
 * 超时督办 — every minute (configurable), when {@code civicgrid.cases.auto-urge} is on, raises an automatic 督办
 * through the workflow (history row and 督办单 by the system) on open cases past their stage deadline that never had
 * one, and escalates to 领导 the cases whose 督办 went unanswered past its reply deadline (a second, escalated 督办).
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

    /** Urges every overdue case never urged and escalates every unanswered overdue 督办; returns how many 督办 were raised. */
    @ActivateRequestContext
    public int scan() {
        Instant now = clock.instant();
        List<Long> overdue = CaseFile.<CaseFile>list("stageDeadlineAt < ?1 and urgeCount = 0 and stage not in ?2", now,
                List.of(CaseStage.CLOSED, CaseStage.DISCARDED, CaseStage.SUSPENDED)).stream().map(c -> c.id).toList();
        int urged = urge(overdue, "超时自动督办");
        urged += urge(CaseUrge.unansweredPastDue(now), "督办超期未回复，升级领导督办");
        if (urged > 0) {
            LOG.infof("overdue scan: %d case(s) urged automatically", urged);
        }
        return urged;
    }

    private int urge(List<Long> ids, String reason) {
        int urged = 0;
        for (Long id : ids) {
            try {
                actions.apply(id, CaseAction.URGE, Actor.ofSystem(), ActionInput.note(reason));
                urged++;
            } catch (Problem problem) {
                LOG.debugf("case %d not urged: %s", id, problem.getMessage());
            }
        }
        return urged;
    }
}
