package org.civicgrid.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicgrid.cases.CaseAction.Needs;
import org.civicgrid.cases.CaseViews.CaseDetail;
import org.civicgrid.cases.CaseViews.CaseSummary;
import org.civicgrid.org.Role;

/** 案卷页视图 — what the case list and the case detail pages show. */
final class CasePageViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private CasePageViews() {
    }

    /** The list's filters as the form sent them; blank means any. */
    record ListQuery(CaseStage stage, CaseSource source, String classCode, String gridCode, Light light, String q, CaseQueue queue) {

        /** The query string of this filter at another page. */
        String at(int page) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("stage", stage);
            params.put("source", source);
            params.put("classCode", classCode);
            params.put("gridCode", gridCode);
            params.put("light", light);
            params.put("q", q);
            params.put("queue", queue);
            params.put("page", page == 0 ? null : page);
            return params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&", "/cases?", ""));
        }
    }

    /** One page of the case list with its filters. */
    record ListPage(List<CaseSummary> items, long total, int page, int size, ListQuery query, List<CaseQueue> queues, ZoneId zone) {

        public List<CaseStage> stages() {
            return List.of(CaseStage.values());
        }

        public List<CaseSource> sources() {
            return List.of(CaseSource.values());
        }

        public List<Light> lights() {
            return List.of(Light.GREEN, Light.YELLOW, Light.RED);
        }

        public int pageCount() {
            return (int) Math.max(1, (total + size - 1) / size);
        }

        /** The page number as people count (from 1). */
        public int shownPage() {
            return page + 1;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return page + 1 < pageCount();
        }

        public String previousLink() {
            return query.at(page - 1);
        }

        public String nextLink() {
            return query.at(page + 1);
        }

        public String time(Instant at) {
            return CasePageViews.time(at, zone);
        }
    }

    /**
     * A choice in an action form's select; suggested ones come first and are marked. A 立案条件 carries its handling
     * limit ({@code limit} in {@code unit}); other choices have no unit.
     */
    record Choice(String value, String label, int limit, String unit, boolean suggested) {
    }

    /** The small form of one action the user may take now, with the choices its input needs. */
    record ActionForm(String action, Needs needs, List<Choice> choices) {

        public boolean reasonRequired() {
            return needs == Needs.REASON;
        }
    }

    /** A case with its forms and the outcome of the last action taken on the page. */
    record DetailPage(CaseDetail c, String departmentName, List<ActionForm> forms, String done, String failedAction,
            String error, String errorField, ZoneId zone) {

        public String time(Instant at) {
            return CasePageViews.time(at, zone);
        }

        /** A history row's role as a {@link Role}, or null when it is none (the system). */
        public Role role(String name) {
            return name == null ? null : Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
        }

        public boolean failed(String action) {
            return error != null && action.equals(failedAction);
        }

        /** An error not tied to one of the forms shown (e.g. an action this user may not take). */
        public boolean generalError() {
            return error != null && forms.stream().noneMatch(f -> f.action().equals(failedAction));
        }
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }
}
