package org.civicgrid.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * 考核指标 — THE definition table of evaluation (综合评价, DOMAIN.md §6): every indicator with its code, its name in
 * Chinese and English, its definition as printed on the page and the reports, what it is computed over ({@link Basis})
 * and its condition there, and — for a rate or an average — its numerator and denominator. {@link EvaluationQueries}
 * computes every count from the immutable case history ({@code case_transition}) by this table alone, for the figures
 * and for the drill-down to the cases behind a figure; rates and averages only divide two counts. Which date a count
 * uses is part of its definition: an event count uses the date of the event; the due counts ({@code DUE} and the
 * counts among it) use the date the case fell due — the earlier of its evaluation deadline and its 结案 — so a case
 * spanning two periods is counted in exactly one.
 */
public enum Indicator {
    REPORTED("上报数", "Reports", "考核期内新上报的问题数（各来源；按上报时间）",
            "Problems reported in the period (all sources; by report time)", Basis.EVENT, "t.action = 'report'"),
    VALID_REPORTS("有效上报数", "Valid reports", "考核期内上报、截至期末已立案的问题数",
            "Problems reported in the period and filed by its end", Basis.EVENT, "t.action = 'report' and " + Basis.LATER + "'file')"),
    FILED("立案数", "Filed", "考核期内立案的案件数（按立案时间）", "Cases filed in the period (by filing time)", Basis.EVENT, "t.action = 'file'"),
    DISCARDED("作废数", "Discarded", "考核期内作废或不予立案的案件数（不含重复上报合并）",
            "Cases discarded or declined in the period (merged duplicate reports not included)", Basis.EVENT,
            "t.action in ('discard', 'decline')"),
    FILED_DISCARDED("立案后作废数", "Discarded after filing", "考核期内立案、其后作废的案件数",
            "Cases filed in the period and discarded afterwards", Basis.EVENT, "t.action = 'file' and " + Basis.LATER + "'discard')"),
    /** Manual and hotline merges are history rows; camera and drone merges are alerts ({@link EvaluationQueries}). */
    DUPLICATE_REPORTS("重复上报数", "Duplicate reports", "考核期内对仍在办案件的再次上报（人工合并、热线合并、视频告警合并），不是新案件",
            "Further reports of a still-open case in the period (manual, hotline and alert merges); not new cases", Basis.EVENT,
            "t.action = 'mergeDuplicate'"),
    RECURRED("重复发案数", "Recurrences", "考核期内立案、且同一单元网格同类案件在立案前%d天内结案过的案件数",
            "Cases filed in the period whose class had a case closed in the same unit grid within %d days before the filing",
            Basis.OTHER, null),
    PUBLIC_FILED("公众举报立案数", "Filed public reports", "考核期内立案的公众举报、热线来源案件数",
            "Cases from the public (portal, hotline) filed in the period", Basis.EVENT, "t.action = 'file' and c.source in (:publicSources)"),
    DISPATCHED("派遣数", "Dispatched", "考核期内的派遣次数（按派遣时间；回退后再派遣另计一次）",
            "Dispatches in the period (by dispatch time; a re-dispatch after 回退 counts again)", Basis.EVENT, "t.action = 'dispatch'"),
    RETURNED("回退数", "Returned", "考核期内派遣、其后被同意回退的派遣次数", "Dispatches in the period that were returned (回退 approved)",
            Basis.EVENT, "t.action = 'dispatch' and " + Basis.LATER + "'approveReturn')"),
    DUE("应结案数", "Cases due", "考核期内到期的已派遣案件：考核时限（立案派遣时设定，只加已批准的延期和挂账暂停的时间；返工、回退后再派遣不重新计时）"
            + "落在期内，或提前结案的结案时间落在期内；期末处于挂账的案件不计；结案与否都计",
            "Dispatched cases that fell due in the period: their evaluation deadline (set at the first dispatch, moved only by "
            + "approved extensions and paused suspension time; rework and re-dispatch do not restart it) falls in the period, "
            + "or they were closed early in it; cases suspended at the period's end are left out; closed or not", Basis.DUE, "1 = 1"),
    CLOSED("结案数", "Closed", "应结案数中截至期末已结案（其后未重新开启）的案件数", "Cases due that were closed by the period's end (and not reopened)",
            Basis.DUE, Basis.CLOSED_VALID),
    CLOSED_ON_TIME("按期结案数", "Closed on time", "应结案数中在考核时限内结案的案件数", "Cases due that were closed by their evaluation deadline",
            Basis.DUE, Basis.CLOSED_VALID + " and x.closedAt <= x.due"),
    HANDLED_ON_TIME("按期处置数", "Handled on time", "应处置数（即应结案数）中最后一次处置反馈在考核时限内的案件数",
            "Cases due whose last handling report came by the evaluation deadline", Basis.DUE, "x.handledAt is not null and x.handledAt <= x.due"),
    HANDLED("已处置数", "Handled", "应处置数（即应结案数）中截至期末有处置反馈的案件数", "Cases due with a handling report by the period's end",
            Basis.DUE, "x.handledAt is not null"),
    /** Working minutes: the calendar's arithmetic, so it is summed in Java over the rows of {@link #HANDLED}. */
    HANDLING_MINUTES("处置用时合计", "Handling time", "已处置数中各案从首次派遣到最后一次处置反馈的工作时间之和（按工作日历；不含挂账暂停的时间；"
            + "回退后再派遣、返工不重新计时；单位：工作分钟）",
            "Sum over the cases handled of the working time from the first dispatch to the last handling report (by the working calendar; "
            + "suspended time left out; re-dispatch and rework do not restart it; in working minutes)", Basis.OTHER, null),
    OVERDUE("超期案件数", "Overdue", "应结案数中未在考核时限内结案的案件数（超期结案或超期未结）",
            "Cases due not closed by their evaluation deadline (closed late or still open)", Basis.DUE,
            "not (" + Basis.CLOSED_VALID + " and x.closedAt <= x.due)"),
    REWORKED("返工数", "Reworked", "应结案数中经过核查不通过返工的案件数（一案多次返工计一次）",
            "Cases due that failed a check at least once (a case counts once)", Basis.DUE, "x.reworks > 0"),
    EXTENDED("延期数", "Extended", "应结案数中获批延期的案件数（一案多次计一次）", "Cases due with an approved extension (a case counts once)",
            Basis.DUE, "x.extensions > 0"),
    SUSPENDED("挂账数", "Suspended", "考核期内批准挂账的次数", "Suspensions approved in the period", Basis.EVENT, "t.action = 'approveSuspend'"),
    URGED("督办数", "Urged", "考核期内签发的督办单数", "督办 orders issued in the period", Basis.EVENT, "t.action = 'urge'"),
    CONFIRMS("核实数", "Confirmations", "考核期内完成的核实", "Confirmations (核实) answered in the period", Basis.EVENT,
            "t.action in ('confirm', 'confirmNotFound')"),
    CONFIRMS_ON_TIME("按时核实数", "Confirmed on time", "考核期内在核实时限内完成的核实", "Confirmations answered within the stage limit",
            Basis.EVENT, "t.action in ('confirm', 'confirmNotFound') and t.at <= t.stageDueAt"),
    CHECKS("核查数", "Checks", "考核期内完成的核查（通过或返工）", "Checks (核查) answered in the period (passed or rework)", Basis.EVENT,
            "t.action in ('verify', 'rework')"),
    CHECKS_ON_TIME("按时核查数", "Checked on time", "考核期内在核查时限内完成的核查", "Checks answered within the stage limit", Basis.EVENT,
            "t.action in ('verify', 'rework') and t.at <= t.stageDueAt"),
    RATINGS("评价数", "Ratings", "考核期内的公众评价（门户）与热线回访数", "Public ratings (portal) and hotline call-backs in the period",
            Basis.OTHER, null),
    SATISFIED("满意数", "Satisfied", "评价4星及以上或回访满意的数", "Ratings of 4 stars or more and satisfied call-backs", Basis.OTHER, null),

    VALID_REPORT_RATE("有效上报率", "Valid report rate", VALID_REPORTS, REPORTED, true),
    CLOSE_RATE("结案率", "Close rate", CLOSED, DUE, true),
    ON_TIME_CLOSE_RATE("按期结案率", "On-time close rate", CLOSED_ON_TIME, DUE, true),
    ON_TIME_HANDLE_RATE("按期处置率", "On-time handling rate", HANDLED_ON_TIME, DUE, true),
    REWORK_RATE("返工率", "Rework rate", REWORKED, DUE, false),
    RETURN_RATE("回退率", "Return rate", RETURNED, DISPATCHED, false),
    EXTENSION_RATE("延期率", "Extension rate", EXTENDED, DUE, false),
    RECURRENCE_RATE("重复发案率", "Recurrence rate", RECURRED, FILED, false),
    PUBLIC_REPORT_RATE("监督举报率", "Public report rate", PUBLIC_FILED, FILED, false),
    CONFIRM_ON_TIME_RATE("按时核实率", "On-time confirmation rate", CONFIRMS_ON_TIME, CONFIRMS, true),
    CHECK_ON_TIME_RATE("按时核查率", "On-time check rate", CHECKS_ON_TIME, CHECKS, true),
    ACCURATE_FILING_RATE("准确立案率", "Accurate filing rate", FILED_DISCARDED, FILED, false, true),
    ACCURATE_DISPATCH_RATE("准确派遣率", "Accurate dispatch rate", RETURNED, DISPATCHED, false, true),
    SATISFACTION("公众满意度", "Public satisfaction", SATISFIED, RATINGS, true),
    AVERAGE_HANDLING_TIME("平均处置用时（工作时）", "Average handling time (working h)", HANDLING_MINUTES, HANDLED);

    /**
     * What a count is computed over. {@code EVENT}: the period's history rows, the condition on row {@code t} of case
     * {@code c} (by the row's time). {@code DUE}: the cases that fell due in the period, the condition on their summary
     * {@code x} (see {@link EvaluationQueries}: {@code due}, {@code closedAt}, {@code reopenedAt}, {@code handledAt},
     * {@code reworks}, {@code extensions}). {@code OTHER}: its own computation in {@link EvaluationQueries} (ratings,
     * 重复发案, the working-time sum), as its definition says.
     */
    public enum Basis {
        EVENT, DUE, OTHER;

        /** A later row of the same case, before the period's end, with the action that follows. */
        static final String LATER = "exists (select 1 from CaseTransition r where r.caseId = t.caseId and r.seq > t.seq and r.at < :to and r.action = ";
        /** Closed by the period's end and not reopened since. */
        static final String CLOSED_VALID = "(x.closedAt is not null and (x.reopenedAt is null or x.reopenedAt < x.closedAt))";
        /** The date a case fell due (on summary {@code x}): its 结案 when that came before the deadline, else the deadline. */
        public static final String FELL_DUE = "(case when " + CLOSED_VALID + " and x.closedAt < x.due then x.closedAt else x.due end)";
        /**
         * Which summaries {@code x} are the period's {@code DUE} cases: not in 挂账 at the period's end, with a deadline, fallen due
         * in [{@code :from}, {@code :to}).
         */
        public static final String DUE_WHERE = " where x.paused = 0 and x.due is not null and " + FELL_DUE + " >= :from and " + FELL_DUE + " < :to";
    }

    /** What a rate or an average is in: per cent, or working hours. */
    public enum Unit {
        PERCENT("%", "%"), WORKING_HOURS("工作时", " working h");

        private final String zh;
        private final String en;

        Unit(String zh, String en) {
            this.zh = zh;
            this.en = en;
        }

        public String label(boolean english) {
            return english ? en : zh;
        }
    }

    private final String zh;
    private final String en;
    private final String definitionZh;
    private final String definitionEn;
    private final Indicator numerator;
    private final Indicator denominator;
    private final boolean higherIsBetter;
    /** (denominator − numerator) / denominator, e.g. 准确派遣率 = (派遣 − 回退) / 派遣. */
    private final boolean complement;
    private final Basis basis;
    private final String condition;
    private final Unit unit;

    Indicator(String zh, String en, String definitionZh, String definitionEn, Basis basis, String condition) {
        this.zh = zh;
        this.en = en;
        this.definitionZh = definitionZh;
        this.definitionEn = definitionEn;
        this.numerator = null;
        this.denominator = null;
        this.higherIsBetter = true;
        this.complement = false;
        this.basis = basis;
        this.condition = condition;
        this.unit = null;
    }

    /** An average in working hours: numerator (working minutes) ÷ denominator (cases); lower is better. */
    Indicator(String zh, String en, Indicator numerator, Indicator denominator) {
        this.zh = zh;
        this.en = en;
        this.numerator = numerator;
        this.denominator = denominator;
        this.complement = false;
        this.higherIsBetter = false;
        this.basis = null;
        this.condition = null;
        this.unit = Unit.WORKING_HOURS;
        this.definitionZh = zh.replaceFirst("（.*", "") + " = " + numerator.zh + " ÷ " + denominator.zh + " ÷ 60（工作时，越低越好）";
        this.definitionEn = en.replaceFirst(" \\(.*", "") + " = " + numerator.en + " ÷ " + denominator.en + " ÷ 60 (working hours; lower is better)";
    }

    Indicator(String zh, String en, Indicator numerator, Indicator denominator, boolean higherIsBetter) {
        this(zh, en, numerator, denominator, higherIsBetter, false);
    }

    Indicator(String zh, String en, Indicator numerator, Indicator denominator, boolean numeratorHigherIsBetter, boolean complement) {
        this.zh = zh;
        this.en = en;
        this.numerator = numerator;
        this.denominator = denominator;
        this.complement = complement;
        this.higherIsBetter = complement ? !numeratorHigherIsBetter : numeratorHigherIsBetter;
        this.basis = null;
        this.condition = null;
        this.unit = Unit.PERCENT;
        this.definitionZh = zh + " = " + (complement ? "(" + denominator.zh + " − " + numerator.zh + ")" : numerator.zh) + " ÷ " + denominator.zh
                + " × 100%" + (higherIsBetter ? "" : "（越低越好）");
        this.definitionEn = en + " = " + (complement ? "(" + denominator.en + " − " + numerator.en + ")" : numerator.en) + " ÷ " + denominator.en
                + " × 100%" + (higherIsBetter ? "" : " (lower is better)");
    }

    public String code() {
        return name();
    }

    public String label(boolean english) {
        return english ? en : zh;
    }

    /** The definition as printed; 重复发案 names its window in days. */
    public String definition(boolean english, int recurrenceDays) {
        String text = english ? definitionEn : definitionZh;
        return text.contains("%d") ? text.formatted(recurrenceDays) : text;
    }

    /** A rate or an average: a quotient of two counts (shown with its {@link #unit()}). */
    public boolean isRate() {
        return denominator != null;
    }

    /** Per cent for a rate, working hours for an average; null for a count. */
    public Unit unit() {
        return unit;
    }

    /** What a count is computed over; null for a rate or an average. */
    public Basis basis() {
        return basis;
    }

    /** The HQL condition of an {@code EVENT} or {@code DUE} count (see {@link Basis}); null otherwise. */
    String condition() {
        return condition;
    }

    public Indicator numerator() {
        return numerator;
    }

    public Indicator denominator() {
        return denominator;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /**
     * The rate in per cent, or the average in working hours, one decimal, from the counts; null when the denominator is
     * 0 (shown as "–").
     */
    public Double rate(long numeratorCount, long denominatorCount) {
        if (!isRate() || denominatorCount == 0) {
            return null;
        }
        if (unit == Unit.WORKING_HOURS) {
            return Math.round(10.0 * numeratorCount / denominatorCount / 60) / 10.0;
        }
        long top = complement ? denominatorCount - numeratorCount : numeratorCount;
        return Math.round(1000.0 * top / denominatorCount) / 10.0;
    }

    /**
     * The condition of an {@code EVENT} or {@code DUE} count rendered against another store of the same history: the
     * entity {@code historyEntity} in place of {@code CaseTransition} (with the same attributes {@code caseId}, {@code seq},
     * {@code action}, {@code at}, {@code dueAt}, {@code stageDueAt}) — the hub's {@code HubCaseHistory}, whose case
     * {@code c} has {@code source} as the name of its {@link org.civicgrid.cases.CaseSource}. Null where {@link #condition()} is.
     */
    public String condition(String historyEntity) {
        return condition == null ? null : condition.replace("CaseTransition", historyEntity);
    }

    /**
     * 满意 of {@link #SATISFIED} for a 公众评价 (portal rating, 1–5 stars): HQL on the rating {@code alias} with its
     * {@code score}. The one rule for the edge ({@code PublicRating}) and the hub (its synced ratings).
     */
    public static String ratingSatisfied(String alias) {
        return alias + ".score >= 4";
    }

    /** 满意 of {@link #SATISFIED} for a 回访: HQL on the call-back {@code alias} with its {@code satisfied}; edge and hub alike. */
    public static String callBackSatisfied(String alias) {
        return alias + ".satisfied = true";
    }

    /** The counts computed over one basis. */
    public static List<Indicator> counts(Basis basis) {
        return Arrays.stream(values()).filter(i -> i.basis == basis).toList();
    }

    public static List<Indicator> counts() {
        return Arrays.stream(values()).filter(i -> !i.isRate()).toList();
    }

    public static List<Indicator> rates() {
        return Arrays.stream(values()).filter(Indicator::isRate).toList();
    }

    public static Optional<Indicator> of(String code) {
        return Arrays.stream(values()).filter(i -> i.name().equalsIgnoreCase(code)).findFirst();
    }
}
