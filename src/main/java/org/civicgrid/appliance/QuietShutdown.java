package org.civicgrid.appliance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduler;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * 平稳停机 — the first thing a stop does is pause every scheduled job (evidence fetcher, overdue scan, health checks,
 * backups), so none starts while the store closes: a stop used to log an ERROR with a stack trace
 * ("EntityManagerFactory is closed") when a job fired during it.
 */
@ApplicationScoped
class QuietShutdown {

    private final Scheduler scheduler;

    QuietShutdown(Scheduler scheduler) {
        this.scheduler = scheduler;
    }

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        scheduler.pause();
    }
}
