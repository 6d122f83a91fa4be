package org.civicgrid.hotline;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.hotline.HotlineViews.CallRow;
import org.civicgrid.hotline.HotlineViews.LogPage;
import org.civicgrid.hotline.HotlineViews.LogQuery;
import org.civicgrid.web.Problem;

/** 来电记录查询 — the call log newest first, filtered by day range (site time), outcome and caller number or name. */
@ApplicationScoped
class CallLog {

    static final int PAGE_SIZE = 50;

    private final ZoneId zone;

    CallLog(ApplianceConfig appliance) {
        this.zone = ZoneId.of(appliance.timeZone());
    }

    LogPage page(LogQuery query, int page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (query.from() != null) {
            where.append(" and takenAt >= :from");
            params.put("from", day("from", query.from()).atStartOfDay(zone).toInstant());
        }
        if (query.to() != null) {
            where.append(" and takenAt < :to");
            params.put("to", day("to", query.to()).plusDays(1).atStartOfDay(zone).toInstant());
        }
        if (query.outcome() != null) {
            where.append(" and outcome = :outcome");
            params.put("outcome", query.outcome());
        }
        if (query.q() != null) {
            where.append(" and (callerPhone like :q or callerName like :q or note like :q)");
            params.put("q", "%" + query.q() + "%");
        }
        var found = HotlineCall.<HotlineCall>find(where.toString(), Sort.descending("takenAt").and("id", Sort.Direction.Descending), params);
        long total = found.count();
        List<HotlineCall> calls = found.page(Page.of(page, PAGE_SIZE)).list();
        Map<Long, String> numbers = numbers(calls);
        List<CallRow> rows = calls.stream().map(c -> new CallRow(c.id, HotlineViews.time(c.takenAt, zone), c.callerPhone, c.callerName,
                c.takerName, c.outcome, c.caseId, numbers.get(c.caseId), c.mergedIntoId, numbers.get(c.mergedIntoId), c.note)).toList();
        int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
        return new LogPage(rows, total, query, List.of(CallOutcome.values()), page + 1, pages,
                page > 0 ? link(query, page - 1) : null, page + 1 < pages ? link(query, page + 1) : null);
    }

    private static Map<Long, String> numbers(List<HotlineCall> calls) {
        Set<Long> ids = calls.stream().flatMap(c -> Stream.of(c.caseId, c.mergedIntoId)).filter(id -> id != null).collect(Collectors.toSet());
        Map<Long, String> numbers = new HashMap<>(); // get(null) must answer null for calls without a case
        if (!ids.isEmpty()) {
            CaseFile.<CaseFile>list("id in ?1", ids).forEach(c -> numbers.put(c.id, c.number));
        }
        return numbers;
    }

    private static LocalDate day(String field, String value) {
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw Problem.badRequest(field, "write the day as 2026-11-22");
        }
    }

    private static String link(LogQuery q, int page) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("from", q.from());
        params.put("to", q.to());
        params.put("outcome", q.outcome() == null ? null : q.outcome().name());
        params.put("q", q.q());
        params.put("page", String.valueOf(page));
        return "/hotline/calls?" + params.entrySet().stream().filter(e -> e.getValue() != null)
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }
}
