package org.civicgrid.evaluation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseStage;

/**
 * 本月要情 — the leader's key figures on the workbench: today's and this month's intake, overdue and 督办 cases now,
 * and this month's 按期结案率, 结案率 and 返工率 of the county from the evaluation; each with the link to its list.
 */
@ApplicationScoped
public class KeyFigures {

    /** One figure: message key ({@code eval:kf_…}, also the element id), value as shown, and where it links. */
    public record Figure(String key, String value, String href) {
    }

    private final Evaluation evaluation;
    private final Clock clock;

    KeyFigures(Evaluation evaluation, Clock clock) {
        this.evaluation = evaluation;
        this.clock = clock;
    }

    /** Only reads: no transaction of its own (one would hold SQLite's write lock for the whole evaluation pass). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Figure> now() {
        LocalDate today = LocalDate.now(clock.withZone(evaluation.zone()));
        YearMonth month = YearMonth.from(today);
        EvaluationPeriod period = EvaluationPeriod.month(month, evaluation.zone());
        long todayIntake = CaseFile.count("createdAt >= ?1", today.atStartOfDay(evaluation.zone()).toInstant());
        long monthIntake = CaseFile.count("createdAt >= ?1", period.from());
        List<CaseStage> ended = List.of(CaseStage.CLOSED, CaseStage.DISCARDED);
        long overdue = CaseFile.count("stage not in ?1 and stageDeadlineAt < ?2", ended, clock.instant());
        long urged = CaseFile.count("stage not in ?1 and urged = true", ended);
        EvaluationTable county = evaluation.table(EvaluationObject.COUNTY, period, false);
        EvaluationTable.Row row = county.rows().stream().findFirst().orElse(null);
        String drill = "/evaluation/cases?object=county&period=" + month + "&key=" + (row == null ? "" : row.key()) + "&indicator=";
        return List.of(
                new Figure("kf_todayIntake", String.valueOf(todayIntake), "/cases?from=" + today + "&to=" + today),
                new Figure("kf_monthIntake", String.valueOf(monthIntake), "/cases?from=" + month.atDay(1) + "&to=" + today),
                new Figure("kf_overdue", String.valueOf(overdue), "/cases?queue=OVERDUE"),
                new Figure("kf_urged", String.valueOf(urged), "/cases?queue=URGED"),
                new Figure("kf_onTimeCloseRate", rate(row, Indicator.ON_TIME_CLOSE_RATE), drill + Indicator.ON_TIME_CLOSE_RATE.code()),
                new Figure("kf_closeRate", rate(row, Indicator.CLOSE_RATE), drill + Indicator.CLOSE_RATE.code()),
                new Figure("kf_reworkRate", rate(row, Indicator.REWORK_RATE), drill + Indicator.REWORK_RATE.code()));
    }

    private static String rate(EvaluationTable.Row row, Indicator indicator) {
        Double v = row == null ? null : row.rates().get(indicator.code());
        return v == null ? "–" : v + "%";
    }
}
