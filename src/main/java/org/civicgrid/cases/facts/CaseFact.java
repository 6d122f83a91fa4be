package org.civicgrid.cases.facts;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.civicgrid.cases.CaseTransition;
import org.hibernate.annotations.Immutable;

/**
 * 考核事实 — one row per case: the summary of its whole history that evaluation reads for the cases that fell due
 * (DOMAIN.md §6), kept by {@link CaseFacts} in the transaction of each history row. Its values are those of the
 * per-case summary {@link CaseFacts#PER_CASE} over every history row of the case, so for a period that ends after the
 * case's newest row ({@link #lastAt}) the fact is that summary; evaluation reads the facts by {@link #fellDueAt} (one
 * index range per period) and replays from the history only the cases with a row at or after the period's end.
 * Read-only for Hibernate: written by {@link CaseFacts} with plain SQL.
 */
@Entity
@Immutable
@Table(name = "case_eval_fact")
public class CaseFact extends PanacheEntityBase {

    @Id
    @Column(name = "case_id")
    public Long caseId;

    /** The time of the case's newest history row. */
    @Column(name = "last_at")
    public Instant lastAt;

    /** 考核时限: the greatest {@code due_at} of its rows. */
    @Column(name = "due_at")
    public Instant dueAt;

    /** The date it fell due: its 结案 when that (not reopened since) came before the deadline, else the deadline. */
    @Column(name = "fell_due_at")
    public Instant fellDueAt;

    /** 挂账 approved less 恢复: above 0 while suspended. */
    public int paused;

    /** 挂账 approved in all. */
    public int suspensions;

    /** The first 派遣. */
    @Column(name = "dispatched_at")
    public Instant dispatchedAt;

    /** The seq of the last 派遣 (whose department answers for the case). */
    @Column(name = "dispatch_seq")
    public Integer dispatchSeq;

    /** The last 结案. */
    @Column(name = "closed_at")
    public Instant closedAt;

    /** The last 重新开启. */
    @Column(name = "reopened_at")
    public Instant reopenedAt;

    /** The last 处置反馈. */
    @Column(name = "handled_at")
    public Instant handledAt;

    /** 返工 in all. */
    public int reworks;

    /** 延期 approved in all. */
    public int extensions;

    /** The fact with one more history row folded in: the same sums, minima and maxima as {@link CaseFacts#PER_CASE}. */
    CaseFact with(CaseTransition row) {
        CaseFact f = copy();
        f.lastAt = later(lastAt, row.at);
        f.dueAt = later(dueAt, row.dueAt);
        switch (row.action) {
            case "approveSuspend" -> {
                f.paused++;
                f.suspensions++;
            }
            case "resume" -> f.paused--;
            case "dispatch" -> {
                f.dispatchedAt = dispatchedAt == null || row.at.isBefore(dispatchedAt) ? row.at : dispatchedAt;
                f.dispatchSeq = dispatchSeq == null || row.seq > dispatchSeq ? row.seq : dispatchSeq;
            }
            case "close" -> f.closedAt = later(closedAt, row.at);
            case "reopen" -> f.reopenedAt = later(reopenedAt, row.at);
            case "reportHandled" -> f.handledAt = later(handledAt, row.at);
            case "rework" -> f.reworks++;
            case "approveExtension" -> f.extensions++;
            default -> {
                // no other action enters the summary
            }
        }
        boolean closed = f.closedAt != null && (f.reopenedAt == null || f.reopenedAt.isBefore(f.closedAt));
        f.fellDueAt = closed && f.dueAt != null && f.closedAt.isBefore(f.dueAt) ? f.closedAt : f.dueAt;
        return f;
    }

    /** The fact of a case with this history (its rows in order): what {@link CaseFacts} keeps, folded afresh. */
    public static CaseFact fold(long caseId, java.util.List<CaseTransition> rows) {
        CaseFact f = empty(caseId);
        for (CaseTransition row : rows) {
            f = f.with(row);
        }
        return f;
    }

    static CaseFact empty(long caseId) {
        CaseFact f = new CaseFact();
        f.caseId = caseId;
        return f;
    }

    private CaseFact copy() {
        CaseFact f = new CaseFact();
        f.caseId = caseId;
        f.lastAt = lastAt;
        f.dueAt = dueAt;
        f.fellDueAt = fellDueAt;
        f.paused = paused;
        f.suspensions = suspensions;
        f.dispatchedAt = dispatchedAt;
        f.dispatchSeq = dispatchSeq;
        f.closedAt = closedAt;
        f.reopenedAt = reopenedAt;
        f.handledAt = handledAt;
        f.reworks = reworks;
        f.extensions = extensions;
        return f;
    }

    private static Instant later(Instant a, Instant b) {
        return a == null ? b : b == null || !b.isAfter(a) ? a : b;
    }

    /** The values (not the identity of the row object): for comparing a kept fact with one rebuilt from the history. */
    public java.util.List<Object> values() {
        return java.util.Arrays.asList(caseId, lastAt, dueAt, fellDueAt, paused, suspensions, dispatchedAt, dispatchSeq, closedAt, reopenedAt,
                handledAt, reworks, extensions);
    }

    @Override
    public String toString() {
        return "CaseFact" + values();
    }
}
