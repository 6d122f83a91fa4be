package org.civicgrid.evaluation.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.transaction.Transactional;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.evaluation.Evaluation;
import org.civicgrid.evaluation.EvaluationPages;
import org.civicgrid.evaluation.EvaluationPeriod;
import org.civicgrid.evaluation.EvaluationTable;
import org.civicgrid.web.Problem;
import org.jboss.logging.Logger;

/**
 * 月通报生成 — generates the stored 月通报 of a month once it has closed: the scheduled check (every
 * {@code civicgrid.evaluation.freeze-check-every}, first 50 s after start, skipped while the application is still
 * starting) writes last month's if it is missing; a leader may generate an ended month on demand. One per month,
 * never rewritten (409).
 */
@ApplicationScoped
@RegisterForReflection(targets = {Report.class, Report.Compared.class, Report.Ranking.class, Report.Bucket.class, Report.Count.class,
        Report.Overdue.class, EvaluationTable.class, EvaluationTable.Column.class, EvaluationTable.Row.class, EvaluationPages.Shown.class})
public class Bulletins {

    private static final Logger LOG = Logger.getLogger(Bulletins.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A stored bulletin as listed. */
    public record Listed(long id, String period, String generatedAt, String generatedBy, String hash) {
    }

    private final Reports reports;
    private final Evaluation evaluation;
    private final Clock clock;

    Bulletins(Reports reports, Evaluation evaluation, Clock clock) {
        this.reports = reports;
        this.evaluation = evaluation;
        this.clock = clock;
    }

    @Scheduled(every = "${civicgrid.evaluation.freeze-check-every:1h}", delayed = "50s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    @ActivateRequestContext
    void generateLastMonth() {
        YearMonth last = YearMonth.from(LocalDate.now(clock.withZone(evaluation.zone()))).minusMonths(1);
        if (Bulletin.count("period", last.toString()) == 0) {
            try {
                generate(last.toString(), "系统");
            } catch (Problem e) {
                LOG.debugf("monthly bulletin of %s: %s", last, e.getMessage());
            }
        }
    }

    /**
     * Generates and stores the 月通报 of an ended month; 409 when it is stored already or the month has not ended. The
     * report is built before the short write transaction that stores it (SQLite's write lock is taken at BEGIN).
     */
    public Bulletin generate(String month, String by) {
        YearMonth m;
        try {
            m = YearMonth.parse(month == null ? "" : month.trim());
        } catch (DateTimeParseException e) {
            throw Problem.badRequest("period", "name the month like 2026-11");
        }
        EvaluationPeriod period = EvaluationPeriod.month(m, evaluation.zone());
        if (period.to().isAfter(clock.instant())) {
            throw Problem.conflict("period_open", m + " has not ended: its bulletin can be generated from " + period.lastDay().plusDays(1));
        }
        if (Bulletin.count("period", m.toString()) > 0) {
            throw Problem.conflict("stored", "the bulletin of " + m + " is stored already");
        }
        return store(m, by, write(reports.build("month", period, false)));
    }

    @Transactional
    @SingleWriter
    Bulletin store(YearMonth m, String by, String content) {
        if (Bulletin.count("period", m.toString()) > 0) {
            throw Problem.conflict("stored", "the bulletin of " + m + " is stored already");
        }
        Bulletin b = new Bulletin();
        b.period = m.toString();
        b.generatedAt = clock.instant();
        b.generatedBy = by;
        b.content = content;
        b.hash = sha256(content);
        b.persist();
        return b;
    }

    @Transactional
    public List<Listed> list() {
        return Bulletin.<Bulletin>list("order by period desc").stream()
                .map(b -> new Listed(b.id, b.period, b.generatedAt.atZone(evaluation.zone()).toLocalDateTime().toString().replace('T', ' ')
                        .substring(0, 16), b.generatedBy, b.hash)).toList();
    }

    /** A stored report and where it came from. */
    public record StoredReport(Report report, ReportPages.Stored stored) {
    }

    /** The stored report as generated; 404 for an unknown id. */
    @Transactional
    public StoredReport stored(long id) {
        Bulletin b = Bulletin.<Bulletin>findByIdOptional(id).orElseThrow(() -> Problem.notFound("bulletin " + id));
        try {
            return new StoredReport(JSON.readValue(b.content, Report.class), new ReportPages.Stored(b.id, b.generatedAt.atZone(evaluation.zone())
                    .toLocalDateTime().toString().replace('T', ' ').substring(0, 16), b.generatedBy, b.hash));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("bulletin " + id + " cannot be read", e);
        }
    }

    static String write(Report report) {
        try {
            return JSON.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
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
