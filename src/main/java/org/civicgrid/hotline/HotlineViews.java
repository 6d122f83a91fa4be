package org.civicgrid.hotline;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.grid.GeoLocation;

/** 热线页面视图 — what the desk, its suggestion fragment and the call log show. */
final class HotlineViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private HotlineViews() {
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.withZone(zone).format(at);
    }

    /** One class in the picker. */
    record ClassOption(String ref, String code, String name, String alias) {
    }

    /** The classes of one major, an optgroup of the picker. */
    record ClassGroup(String label, List<ClassOption> classes) {
    }

    /** The call just taken, shown above a fresh form. */
    record Taken(CallOutcome outcome, Long caseId, String caseNumber, Long keptId, String keptNumber) {
    }

    /** The desk: the form (kept after a refused submit), the picker, the last call, the problem if any. */
    record DeskPage(CallForm form, List<ClassGroup> classes, Taken taken, String error, String errorField) {
    }

    /** An open case that may be what the caller reports. */
    record Suggestion(long id, String number, CaseStage stage, String classCode, String address, String description, long meters,
            String reportedAt) {
    }

    /** The suggestion fragment: where the point lies and the candidates; {@code ready} once class and point are known. */
    record Suggestions(boolean ready, GeoLocation location, List<Suggestion> items, long radiusMeters) {
    }

    /** The call log's filters as given. */
    record LogQuery(String from, String to, CallOutcome outcome, String q) {
    }

    /** One logged call. */
    record CallRow(long id, String takenAt, String callerPhone, String callerName, String takerName, CallOutcome outcome, Long caseId,
            String caseNumber, Long keptId, String keptNumber, String note) {
    }

    /** A page of the call log. */
    record LogPage(List<CallRow> rows, long total, LogQuery query, List<CallOutcome> outcomes, int page, int pageCount,
            String previousLink, String nextLink) {
    }
}
