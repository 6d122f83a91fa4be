package org.civicgrid.cases;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.civicgrid.appliance.MemoTable;
import org.civicgrid.cases.CaseAction.Needs;
import org.civicgrid.cases.CaseViews.CaseDetail;
import org.civicgrid.cases.CaseViews.CasePage;
import org.civicgrid.cases.CaseViews.CaseSummary;
import org.civicgrid.cases.list.CaseQueue;
import org.civicgrid.catalog.ClassNames;
import org.civicgrid.org.Department;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionLevel;
import org.civicgrid.org.Role;

/** 案卷页视图 — what the case list and the case detail pages show. */
final class CasePageViews {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECOND = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private CasePageViews() {
    }

    /** The list's filters as the form sent them; blank means any. */
    record ListQuery(CaseStage stage, CaseSource source, String classCode, String gridCode, String streetCode, Long departmentId,
            LocalDate from, LocalDate to, Light light, String q, CaseQueue queue) {

        /** The query string of this filter at another page. */
        String at(int page) {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("stage", stage);
            params.put("source", source);
            params.put("classCode", classCode);
            params.put("gridCode", gridCode);
            params.put("streetCode", streetCode);
            params.put("departmentId", departmentId);
            params.put("from", from);
            params.put("to", to);
            params.put("light", light);
            params.put("q", q);
            params.put("queue", queue);
            params.put("page", page == 0 ? null : page);
            return params.entrySet().stream().filter(e -> e.getValue() != null && !e.getValue().toString().isBlank())
                    .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue().toString(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&", "/cases?", ""));
        }
    }

    /**
     * One page of the case list with its filters. A keyset list ({@code keyset}) links its neighbours by position
     * ({@code after=}/{@code before=}, with the page number kept for the reader); a work queue or a green/yellow list by
     * offset. Labels come from {@link CaseLabels} of the page's language.
     */
    record ListPage(CasePage found, int page, int size, ListQuery query, List<CaseQueue> queues, Choices choices, ZoneId zone,
            boolean keyset, CaseLabels labels) {

        public List<CaseSummary> items() {
            return found.items();
        }

        /** The rows as the list shows them: every text worked out here once, not by expressions per row and cell. */
        public List<ListRow> rows() {
            return found.items().stream().map(c -> ListRow.of(c, labels, zone)).toList();
        }

        /** The options of the stage filter, the chosen one selected. */
        public List<Option> stageOptions() {
            return Arrays.stream(CaseStage.values()).map(s -> new Option(s.name(), labels.stage(s), s == query.stage())).toList();
        }

        public List<Option> sourceOptions() {
            return Arrays.stream(CaseSource.values()).map(s -> new Option(s.name(), labels.source(s), s == query.source())).toList();
        }

        public List<Option> lightOptions() {
            return lights().stream().map(l -> new Option(l.name(), labels.light(l), l == query.light())).toList();
        }

        public List<Option> streetOptions() {
            return choices.streets().stream().map(st -> new Option(st.code(), st.name(), st.code().equals(query.streetCode()))).toList();
        }

        public List<Option> departmentOptions() {
            return choices.departments().stream()
                    .map(d -> new Option(String.valueOf(d.id()), d.name(), d.id().equals(query.departmentId()))).toList();
        }

        public long total() {
            return found.total();
        }

        /** More than {@link #total()} cases match: the list says "1000+", it does not count them all. */
        public boolean totalCapped() {
            return found.totalCapped();
        }

        public List<CaseStage> stages() {
            return List.of(CaseStage.values());
        }

        public List<CaseSource> sources() {
            return List.of(CaseSource.values());
        }

        public List<Light> lights() {
            return List.of(Light.GREEN, Light.YELLOW, Light.RED);
        }

        public String stageName(CaseStage stage) {
            return labels.stage(stage);
        }

        public String sourceName(CaseSource source) {
            return labels.source(source);
        }

        public String lightName(Light light) {
            return labels.light(light);
        }

        public int pageCount() {
            return (int) Math.max(1, (total() + size - 1) / size);
        }

        /** The page number as people count (from 1). */
        public int shownPage() {
            return page + 1;
        }

        public boolean hasPrevious() {
            return page > 0;
        }

        public boolean hasNext() {
            return keyset ? found.next() != null : page + 1 < pageCount();
        }

        public String previousLink() {
            String link = query.at(page - 1);
            return keyset && page > 1 && found.previous() != null ? with(link, "before", found.previous()) : link;
        }

        public String nextLink() {
            String link = query.at(page + 1);
            return keyset ? with(link, "after", found.next()) : link;
        }

        public String time(Instant at) {
            return CasePageViews.time(at, zone);
        }

        private static String with(String link, String name, String cursor) {
            return link + (link.endsWith("?") ? "" : "&") + name + "=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8);
        }
    }

    /**
     * The streets and departments of the list's filter selects (no departments for department-only staff), from
     * in-memory tables read again when a region or department changes.
     */
    record Choices(List<Street> streets, List<DepartmentChoice> departments) {

        private static final MemoTable<List<Street>> STREETS = MemoTable.of(() -> Region.<Region>find("level", RegionLevel.STREET)
                .list().stream().sorted(java.util.Comparator.comparing((Region r) -> r.code)).map(r -> new Street(r.code, r.name))
                .toList());
        private static final MemoTable<List<DepartmentChoice>> DEPARTMENTS = MemoTable.of(() -> Department
                .<Department>list("active = true order by name").stream().map(d -> new DepartmentChoice(d.id, d.name)).toList());

        static Choices load() {
            return new Choices(STREETS.get(), DEPARTMENTS.get());
        }

        static Choices streetsOnly() {
            return new Choices(STREETS.get(), List.of());
        }
    }

    /** An option of a filter select. */
    record Option(String value, String label, boolean selected) {
    }

    /** A case as a row of the list, in the page's language and time zone. */
    record ListRow(long id, String number, String stage, String stageName, String className, String classCode, String gridCode,
            String address, String description, String deadline, String stageLimit, String light, String lightName, boolean urged) {

        static ListRow of(CaseSummary c, CaseLabels labels, ZoneId zone) {
            String classCode = c.classCode() == null || c.classCode().isBlank() ? null : c.classCode();
            return new ListRow(c.id(), c.number(), c.stage().name(), labels.stage(c.stage()), ClassNames.name(c.classCode()),
                    classCode, c.gridCode() == null ? "" : c.gridCode(), c.address(), c.description() == null ? "" : c.description(),
                    time(c.deadline(), zone), c.stageLimit(), c.light() == null ? "" : c.light().name(), labels.light(c.light()), c.urged());
        }
    }

    /** A street (街道/乡镇) in a filter select. */
    record Street(String code, String name) {
    }

    /** A department in a filter select. */
    record DepartmentChoice(Long id, String name) {
    }

    /**
     * A choice in an action form's select; suggested ones come first and are marked. A 立案条件 carries its handling
     * limit ({@code limit} in {@code unit}); other choices have no unit.
     */
    /** One choice; {@code suggested} marks the routing suggestion (departments) or a 默认立案标准 (立案条件). */
    record Choice(String value, String label, int limit, String unit, boolean suggested) {
    }

    /** The small form of one action the user may take now, with the choices its input needs. */
    record ActionForm(String action, Needs needs, List<Choice> choices) {

        public boolean reasonRequired() {
            return needs == Needs.REASON;
        }

        /** Every action carries a note into the history: optional where the action does not require one (派遣意见, 结案…). */
        public boolean optionalNote() {
            return needs != Needs.NOTE && needs != Needs.REASON && needs != Needs.EXTENSION && needs != Needs.URGE;
        }

        /** 处置反馈 and 自处理 take 处置后 photos with the note. */
        public boolean takesPhotos() {
            return HandlingPhotos.WITH_PHOTOS.stream().anyMatch(a -> a.apiName().equals(action));
        }

        /** 立案 with no standard of the class's own (none, or only the default): the form offers 改类 next to it. */
        public boolean offersReclassify() {
            return needs == Needs.CONDITION && choices.stream().allMatch(Choice::suggested);
        }
    }

    /** A case with its forms and the outcome of the last action taken on the page. */
    record DetailPage(CaseDetail c, String departmentName, List<ActionForm> forms, String done, String failedAction,
            String error, String errorField, ZoneId zone, boolean mayAppeal) {

        /**
         * Whether department staff of {@code department} may appeal (申诉) this case's effect on their score: the case
         * is theirs now, was first theirs, or was ever dispatched to them — the rule {@code Adjustments} checks.
         */
        static boolean concerns(CaseDetail c, Long department) {
            return department != null && (department.equals(c.departmentId()) || department.equals(c.firstDepartmentId())
                    || c.path() != null && c.path().stream().anyMatch(p -> CaseAction.DISPATCH.apiName().equals(p.action())
                            && department.equals(p.departmentId())));
        }

        public String time(Instant at) {
            return CasePageViews.time(at, zone);
        }

        /** To the second, where seconds matter (a recording's replay window). */
        public String second(Instant at) {
            return at == null ? "" : SECOND.format(at.atZone(zone));
        }

        /** 首接部门: the name of the department that first received the case, from its path. */
        public String firstDepartmentName() {
            return c.path() == null || c.firstDepartmentId() == null ? null : c.path().stream()
                    .filter(p -> c.firstDepartmentId().equals(p.departmentId())).map(CaseViews.PathStep::department).findFirst().orElse(null);
        }

        /** A history row's role as a {@link Role}, or null when it is none (the system). */
        public Role role(String name) {
            return name == null ? null : Arrays.stream(Role.values()).filter(r -> r.name().equals(name)).findFirst().orElse(null);
        }

        /** The photos and recordings by phase of the loop, in that order: 上报 (before), 处置 (after), 核实/核查, other. */
        public List<PhotoGroup> photoGroups() {
            Map<Integer, String> actionAt = new java.util.HashMap<>();
            if (c.history() != null) {
                c.history().forEach(h -> actionAt.put(h.seq(), h.action()));
            }
            Map<Phase, List<CaseViews.AttachmentView>> groups = new java.util.EnumMap<>(Phase.class);
            for (CaseViews.AttachmentView a : c.attachments() == null ? List.<CaseViews.AttachmentView>of() : c.attachments()) {
                Phase phase = CaseAttachment.AFTER.equals(a.phase()) ? Phase.AFTER
                        : Phase.of(a.transitionSeq() == null ? null : actionAt.get(a.transitionSeq()));
                groups.computeIfAbsent(phase, k -> new java.util.ArrayList<>()).add(a);
            }
            return groups.entrySet().stream().map(e -> new PhotoGroup(e.getKey(), e.getValue())).toList();
        }

        /** The user is the department handling the case now (may report it handled): the page offers 处置中 photos. */
        public boolean handling() {
            return forms.stream().anyMatch(f -> f.action().equals(CaseAction.REPORT_HANDLED.apiName()));
        }

        public boolean failed(String action) {
            return error != null && action.equals(failedAction);
        }

        /** An error not tied to one of the forms shown (e.g. an action this user may not take). */
        public boolean generalError() {
            return error != null && forms.stream().noneMatch(f -> f.action().equals(failedAction));
        }
    }

    /** The phase of the loop an attachment was taken in, from the action its history row records. */
    enum Phase {
        BEFORE, AFTER, CHECK, OTHER;

        static Phase of(String action) {
            if (action == null || "report".equals(action)) {
                return BEFORE;
            }
            return switch (action) {
                case "reportHandled", "selfHandle" -> AFTER;
                case "confirm", "confirmNotFound", "verify", "rework" -> CHECK;
                default -> OTHER;
            };
        }
    }

    /** The attachments of one phase. */
    record PhotoGroup(Phase phase, List<CaseViews.AttachmentView> items) {
    }

    static String time(Instant at, ZoneId zone) {
        return at == null ? "" : TIME.format(at.atZone(zone));
    }
}
