package org.civicgrid.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.cases.CaseAction;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseTransition;
import org.civicgrid.cases.CaseWorkflow;
import org.civicgrid.cases.Transition;
import org.civicgrid.evaluation.Evaluation;
import org.civicgrid.evaluation.EvaluationObject;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.EvaluationTable;
import org.civicgrid.evaluation.Indicator;
import org.civicgrid.testsupport.DataDirs;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The living demo on a fresh store of its own: the demo county is loaded during start-up (background off) and its
 * history generated right after, 35 days of it; then the history and the evaluation of those days are checked.
 */
@QuarkusTest
@TestProfile(DemoHistoryTest.LivingDemo.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DemoHistoryTest {

    static final int DAYS = 35;

    /** Demo on, history on, a fresh data directory. */
    public static class LivingDemo implements QuarkusTestProfile {
        static final String DIR = "target/test-living-demo";

        @Override
        public Map<String, String> getConfigOverrides() {
            DataDirs.wipe(Path.of(DIR));
            return Map.of("civicgrid.data-dir", DIR, "civicgrid.demo-data.history", "true", "civicgrid.demo-data.history-days",
                    String.valueOf(DAYS), "civicgrid.demo-data.history-cases-per-day", "6");
        }
    }

    @Inject
    DemoPreparation preparation;
    @Inject
    DemoHistory history;
    @Inject
    Evaluation evaluation;

    @Test
    @Order(1)
    void theHistoryIsWrittenWholeAndMarkedDone() {
        assertEquals(DemoPreparation.Phase.READY, preparation.phase());
        DemoHistory.Progress progress = history.progress();
        assertEquals(0, progress.failed(), "every planned case played through the workflow");
        assertTrue(progress.total() > 100, "about 6 cases a day over " + DAYS + " days: " + progress.total());
        assertEquals(progress.total(), progress.done());
        String state = QuarkusTransaction.requiringNew().call(() -> SiteSetting.get(DemoHistory.STATE).orElseThrow());
        assertEquals("done;" + progress.total(), state);
        assertFalse(history.pending());
        assertEquals(progress.total(), (long) QuarkusTransaction.requiringNew().call(() -> CaseFile.count()));
    }

    @Test
    @Order(2)
    void everyCaseHistoryFollowsTheTransitionTable() {
        QuarkusTransaction.requiringNew().run(() -> {
            List<CaseFile> cases = CaseFile.listAll();
            int open = 0;
            for (CaseFile c : cases) {
                List<CaseTransition> rows = CaseTransition.list("caseId = ?1 order by seq", c.id);
                assertEquals(c.historyCount, rows.size(), c.number);
                CaseTransition first = rows.get(0);
                assertEquals("report", first.action, c.number);
                assertEquals(CaseStage.REPORTED, first.to, c.number);
                CaseStage stage = first.to;
                for (CaseTransition row : rows.subList(1, rows.size())) {
                    CaseAction action = CaseAction.ofApiName(row.action).orElseThrow();
                    Transition t = CaseWorkflow.find(stage, action).orElse(null);
                    assertNotNull(t, c.number + ": " + action + " from " + stage + " is not in the table");
                    assertEquals(stage, row.from, c.number);
                    assertEquals(t.to(), row.to, c.number + " " + action);
                    assertFalse(row.at.isBefore(rows.get(row.seq - 2).at), c.number + ": history out of order at " + row.seq);
                    stage = row.to;
                }
                assertEquals(stage, c.stage, c.number + ": stage is the last history row's");
                open += c.stage.isOpen() ? 1 : 0;
            }
            assertTrue(open > 0 && open < cases.size() / 2, "recent cases still open, most closed: " + open + " of " + cases.size());
        });
    }

    @Test
    @Order(3)
    void theEvaluationOfThoseDaysHasMeaningfulFigures() {
        ZoneId zone = evaluation.zone();
        LocalDate today = LocalDate.now(zone);
        EvaluationPeriod period = EvaluationPeriod.of(today.minusDays(DAYS), today.minusDays(1), "demo", zone);
        EvaluationTable county = QuarkusTransaction.requiringNew().call(() -> evaluation.table(EvaluationObject.COUNTY, period, false));
        Map<String, Long> n = county.rows().get(0).counts();
        long due = n.get(Indicator.DUE.code());
        long onTime = n.get(Indicator.CLOSED_ON_TIME.code());
        assertTrue(onTime > 0 && onTime < due, "按期结案率 strictly between 0 and 100 %: " + onTime + " of " + due);
        for (Indicator i : List.of(Indicator.REWORKED, Indicator.RETURNED, Indicator.EXTENDED, Indicator.URGED, Indicator.OVERDUE,
                Indicator.DISCARDED, Indicator.RATINGS, Indicator.SATISFIED)) {
            assertTrue(n.get(i.code()) > 0, i + " > 0: " + n);
        }
        assertTrue(n.get(Indicator.SATISFIED.code()) < n.get(Indicator.RATINGS.code()), "not everybody satisfied: " + n);
        assertTrue(n.get(Indicator.CLOSED.code()) <= due && n.get(Indicator.OVERDUE.code()) <= due, n.toString());
        EvaluationTable departments = QuarkusTransaction.requiringNew().call(() -> evaluation.table(EvaluationObject.DEPARTMENT, period, false));
        assertTrue(departments.rows().stream().filter(r -> r.counts().get(Indicator.DUE.code()) > 0).count() >= 4,
                "several departments have cases due");
    }

    /** A resumed run plays a case exactly as the uninterrupted run did (same seed per case): replays the last three. */
    @Test
    @Order(4)
    void aResumedRunPlaysTheSameCases() {
        int total = history.progress().total();
        String day = LocalDate.now(evaluation.zone()).toString();
        List<String> before = lastCases(3);
        QuarkusTransaction.requiringNew().run(() -> SiteSetting.put(DemoHistory.STATE, day + ";" + (total - 3), java.time.Instant.now()));
        assertTrue(history.pending());
        assertEquals(3, history.run());
        assertEquals(before, lastCases(3), "the replayed cases are the same cases, step by step and instant by instant");
        assertFalse(history.pending());
    }

    /** The last cases as text: number, then class, source, stage and every history row (action and instant). */
    private static List<String> lastCases(int count) {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<CaseFile> cases = CaseFile.list("order by id desc");
            List<String> out = new ArrayList<>();
            for (CaseFile c : cases.subList(0, count)) {
                StringBuilder text = new StringBuilder(c.number.substring(0, 8)).append(' ').append(c.classCode).append(' ').append(c.source)
                        .append(' ').append(c.stage);
                CaseTransition.<CaseTransition>list("caseId = ?1 order by seq", c.id).forEach(t -> text.append(' ').append(t.action).append('@').append(t.at));
                out.add(0, text.toString());
            }
            return out;
        });
    }
}
