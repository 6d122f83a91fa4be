package org.civicgrid.demo;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.Trigger;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.catalog.CatalogSeed;
import org.civicgrid.catalog.DefaultStandards;
import org.jboss.logging.Logger;

/**
 * 演示数据准备 — in demo mode fills an empty store with the demo, step by step in a fixed order: class catalog and
 * default filing standards, county (areas, departments, accounts, routing), unit grids, gazetteer, components,
 * cameras, the Open311 demo key and alert rules; then the case history ({@link DemoHistory}). By default on a
 * background thread started after start-up, so the login page answers at once and says "正在准备演示数据" while
 * readiness ({@link DemoReadiness}) is DOWN; each step is idempotent (it skips a store that has its data), so a
 * restart after a crash simply runs again. With {@code civicgrid.demo-data.background=false} (tests) the steps run
 * during start-up.
 */
@ApplicationScoped
public class DemoPreparation {

    /** What the preparation is doing; read by the pages and the readiness check. */
    public enum Phase {
        /** Not in demo mode, or nothing started yet. */
        IDLE,
        /** Loading the county: sign-in with the demo accounts is not possible yet. */
        PREPARING,
        /** The county is usable; the case history is being generated. */
        HISTORY,
        /** Done. */
        READY,
        /** A step failed (see the log); the appliance runs with what was stored. */
        FAILED
    }

    private static final Logger LOG = Logger.getLogger(DemoPreparation.class);
    static final int ATTEMPTS = 4;
    private static final String FREEZE_JOB = "Snapshots#freezeLastMonth";

    private final ApplianceConfig appliance;
    private final DemoConfig config;
    private final CatalogSeed catalog;
    private final DemoCounty county;
    private final DemoSteps steps;
    private final DemoHistory history;
    private final Scheduler scheduler;
    private volatile Phase phase = Phase.IDLE;
    private volatile Thread worker;

    DemoPreparation(ApplianceConfig appliance, DemoConfig config, CatalogSeed catalog, DemoCounty county, DemoSteps steps,
            DemoHistory history, Scheduler scheduler) {
        this.scheduler = scheduler;
        this.appliance = appliance;
        this.config = config;
        this.catalog = catalog;
        this.county = county;
        this.steps = steps;
        this.history = history;
    }

    /** Runs after the catalog's own start-up check (500) and before the first-admin check (2000). */
    void onStart(@Observes @Priority(1000) StartupEvent event) {
        if (!appliance.demo()) {
            return;
        }
        phase = Phase.PREPARING;
        if (!config.background()) {
            run();
        }
    }

    /**
     * Starts the background preparation once every other start-up observer has run: their transactions would
     * otherwise wait for the store's write lock behind the demo's long ones and fail after the busy timeout (a
     * failed start-up observer stops the application).
     */
    void startInBackground(@Observes @Priority(100_000) StartupEvent event) {
        if (!appliance.demo() || !config.background()) {
            return;
        }
        Thread thread = new Thread(this::run, "demo-preparation");
        thread.setDaemon(true);
        thread.setPriority(Thread.NORM_PRIORITY - 1);
        worker = thread;
        thread.start();
    }

    void onStop(@Observes ShutdownEvent event) {
        Thread thread = worker;
        if (thread != null) {
            history.stop();
            thread.interrupt();
        }
    }

    /** True while the demo county is being loaded (the demo accounts cannot sign in yet). */
    public boolean preparing() {
        return phase == Phase.PREPARING;
    }

    public Phase phase() {
        return phase;
    }

    /** The history generator's progress (cases done, cases planned), for the admins' notice. */
    public DemoHistory.Progress historyProgress() {
        return history.progress();
    }

    /**
     * The steps, again from the first when one fails: each skips what is stored, and a step can lose the store's write
     * lock to a scheduled job of a slow start (SQLITE_BUSY after the busy timeout).
     */
    private void prepare() {
        for (int attempt = 1;; attempt++) {
            try {
                catalog.loadIfEmpty();
                DefaultStandards.seedMissing();
                county.loadIfEmpty();
                steps.loadRest();
                return;
            } catch (RuntimeException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                LOG.warnf("demo preparation: attempt %d failed (%s); trying again", attempt, e);
                pause();
            }
        }
    }

    static void pause() {
        try {
            Thread.sleep(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private void run() {
        long started = System.nanoTime();
        pauseFreeze(true);
        try {
            prepare();
            LOG.infof("demo prepared in %d ms", (System.nanoTime() - started) / 1_000_000);
            if (config.history() && history.pending()) {
                phase = Phase.HISTORY;
                history.run();
            }
            phase = Phase.READY;
        } catch (RuntimeException e) {
            phase = Phase.FAILED;
            LOG.error("demo preparation failed; the appliance runs with what was stored (restart to try again)", e);
        } finally {
            pauseFreeze(false);
        }
    }

    /**
     * Holds the evaluation's scheduled monthly freeze (evaluation.Snapshots#freezeLastMonth) while the demo is prepared
     * and its history written: a month frozen before that would be hash-chained empty or half-written for good.
     */
    private void pauseFreeze(boolean pause) {
        for (Trigger trigger : scheduler.getScheduledJobs()) {
            if (trigger.getMethodDescription() != null && trigger.getMethodDescription().endsWith(FREEZE_JOB)) {
                if (pause) {
                    scheduler.pause(trigger.getId());
                } else {
                    scheduler.resume(trigger.getId());
                }
            }
        }
    }
}
