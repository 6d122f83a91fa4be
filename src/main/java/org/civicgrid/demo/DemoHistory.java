package org.civicgrid.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.grid.WorkGrids;
import org.civicgrid.org.routing.Routing;
import org.jboss.logging.Logger;

/**
 * 演示历史 (a living demo) — gives a freshly loaded demo county a few months of cases played through the real
 * workflow ({@link DemoCaseScript}), so the workbenches, /evaluation, the reports and the 大屏 show real figures on
 * the first start. Runs only into a store the demo county was just loaded into (the county load writes the marker
 * {@value #STATE} = {@code <today>;0}); the marker holds the plan's day and the number of cases done, and each case
 * is written together with it, so after a crash or kill the generator resumes at the next case of the same plan
 * (deterministic: {@link DemoHistoryPlan}, seeded). {@link DemoPreparation} pauses the evaluation's scheduled monthly
 * freeze until it is done, so no month is frozen half-written.
 */
@ApplicationScoped
public class DemoHistory {

    /** Site setting: {@code <plan day>;<cases done>} while pending, {@code done;<cases>} afterwards. */
    static final String STATE = "demo.history";
    private static final Logger LOG = Logger.getLogger(DemoHistory.class);

    /** Cases done and planned (0/0 before the plan is read). */
    public record Progress(int done, int total, int failed) {
    }

    private final DemoConfig config;
    private final DemoCaseScript script;
    private final Routing routing;
    private final WorkGrids workGrids;
    private final Clock clock;
    private volatile Progress progress = new Progress(0, 0, 0);
    private volatile boolean stop;

    DemoHistory(DemoConfig config, DemoCaseScript script, Routing routing, WorkGrids workGrids, Clock clock) {
        this.config = config;
        this.script = script;
        this.routing = routing;
        this.workGrids = workGrids;
        this.clock = clock;
    }

    /** Marks a store just filled with the demo county for history (called in the county's transaction). */
    static void markPending(Instant now, java.time.ZoneId zone) {
        SiteSetting.put(STATE, LocalDate.ofInstant(now, zone) + ";0", now);
    }

    /** Whether this store waits for (the rest of) its history. */
    public boolean pending() {
        return QuarkusTransaction.requiringNew().call(() -> SiteSetting.get(STATE).filter(s -> !s.startsWith("done")).isPresent());
    }

    public Progress progress() {
        return progress;
    }

    void stop() {
        stop = true;
    }

    /** Generates the rest of the history; returns the number of cases written by this call. */
    public int run() {
        String[] state = QuarkusTransaction.requiringNew().call(() -> SiteSetting.get(STATE).orElse("done")).split(";");
        if ("done".equals(state[0])) {
            return 0;
        }
        LocalDate today = LocalDate.parse(state[0]);
        int done = Integer.parseInt(state[1]);
        DemoHistoryPlan plan = DemoHistoryPlan.of(config.historySeed(), today, config.historyDays(), config.historyCasesPerDay());
        DemoCast cast = QuarkusTransaction.requiringNew().call(() -> DemoCast.read(config.historySeed(), routing, workGrids));
        if (cast.places().isEmpty()) { // no component with a staffed department and an inspector: nothing can be played
            LOG.warn("demo history: no place to play cases at (demo components, departments or work grids missing); none written");
            script.skip("done;0");
            return 0;
        }
        Instant cutoff = today.atStartOfDay(clock.getZone()).toInstant();
        List<DemoHistoryPlan.Entry> cases = plan.cases();
        long started = System.nanoTime();
        int written = 0;
        int failed = 0;
        progress = new Progress(done, cases.size(), 0);
        LOG.infof("demo history: %d cases from %s to %s, %d done before; generating in the background", cases.size(), plan.firstDay(),
                today.minusDays(1), done);
        for (int i = done; i < cases.size() && !stop; i++) {
            String next = i + 1 == cases.size() ? "done;" + cases.size() : today + ";" + (i + 1);
            if (play(cast, cases.get(i), cutoff, next)) {
                written++;
            } else { // rolled back whole each time: note it and go on with the next case
                failed++;
                script.skip(next);
            }
            progress = new Progress(i + 1, cases.size(), failed);
        }
        LOG.infof("demo history: %d cases written in %d s (%d left out)%s", written, (System.nanoTime() - started) / 1_000_000_000, failed,
                stop ? ", stopped: resumes at the next start" : "");
        return written;
    }

    /** Plays one case, again when it loses the store to another writer (each attempt is rolled back whole). */
    private boolean play(DemoCast cast, DemoHistoryPlan.Entry entry, Instant cutoff, String next) {
        for (int attempt = 1;; attempt++) {
            try {
                script.play(cast, entry, cutoff, next);
                return true;
            } catch (RuntimeException e) {
                if (stop) { // shutting down: the case was rolled back and is played at the next start
                    throw e;
                }
                if (attempt == DemoPreparation.ATTEMPTS) {
                    LOG.warnf(e, "demo history: case %d could not be played and was left out", entry.index() + 1);
                    return false;
                }
                DemoPreparation.pause();
            }
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
