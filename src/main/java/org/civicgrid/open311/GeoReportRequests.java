package org.civicgrid.open311;

import io.quarkus.qute.i18n.MessageBundles;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.cases.CaseFile;
import org.civicgrid.cases.CaseMessages;
import org.civicgrid.cases.CaseStage;
import org.civicgrid.cases.CaseTransition;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.org.Department;
import org.civicgrid.portal.PublicView;

/**
 * 请求状态 — cases as GeoReport service requests: {@code service_request_id} is the case number; {@code status} open or
 * closed from the stage; {@code status_notes} the stage's name with the latest note meant for the reporter (处置反馈,
 * 结案, 作废, 核实不属实, 合并重复); {@code expected_datetime} the handling deadline; {@code agency_responsible} the
 * department. No personal data ever, and nothing the portal would not show ({@link PublicView}): the description is the
 * text an acceptor published for the portal (none until then; the reporter's own words may name people), the address is
 * the street and community, and there is no exact point and no media link.
 */
@ApplicationScoped
class GeoReportRequests {

    /** Actions whose note tells the reporter what happened. */
    static final Set<String> PUBLIC_NOTES = Set.of("reportHandled", "close", "discard", "confirmNotFound", "decline", "mergeDuplicate",
            "reopen");

    /** List filters of GET requests; null means any. */
    record Filter(List<String> ids, String serviceCode, Instant start, Instant end, Set<String> statuses) {
    }

    private final Open311Config config;
    private final Clock clock;
    private final ZoneId zone;
    private final PublicView publicView;

    GeoReportRequests(Open311Config config, Clock clock, ApplianceConfig appliance, PublicView publicView) {
        this.config = config;
        this.publicView = publicView;
        this.clock = clock;
        this.zone = ZoneId.of(appliance.timeZone());
    }

    List<CaseFile> find(Filter f) {
        if (f.ids() != null && !f.ids().isEmpty()) {
            return CaseFile.<CaseFile>list("number in ?1 order by createdAt desc, id desc", f.ids());
        }
        Instant end = f.end() == null ? clock.instant() : f.end();
        Instant start = f.start() == null ? end.minus(config.defaultDays(), ChronoUnit.DAYS) : f.start();
        StringBuilder where = new StringBuilder("createdAt >= :start and createdAt <= :end");
        Map<String, Object> params = new HashMap<>(Map.of("start", start, "end", end));
        if (f.serviceCode() != null) {
            where.append(" and classCode = :code");
            params.put("code", f.serviceCode());
        }
        if (f.statuses() != null && f.statuses().size() == 1) {
            where.append(f.statuses().contains("open") ? " and stage not in :ended" : " and stage in :ended");
            params.put("ended", List.of(CaseStage.CLOSED, CaseStage.DISCARDED));
        }
        return CaseFile.<CaseFile>find(where + " order by createdAt desc, id desc", params).range(0, config.maxRequests() - 1).list();
    }

    String numberOf(long caseId) {
        return CaseFile.<CaseFile>findByIdOptional(caseId).map(c -> c.number).orElse(null);
    }

    Optional<CaseFile> byNumber(String number) {
        return CaseFile.<CaseFile>find("number", number).firstResultOptional();
    }

    /** The requests' fields in the spec's order. */
    List<Map<String, Object>> views(List<CaseFile> cases) {
        if (cases.isEmpty()) {
            return List.of();
        }
        List<Long> ids = cases.stream().map(c -> c.id).toList();
        Map<Long, List<CaseTransition>> history = CaseTransition.<CaseTransition>list("caseId in ?1 order by caseId, seq", ids).stream()
                .collect(Collectors.groupingBy(t -> t.caseId));
        Map<Long, String> departments = Department.allOrdered().stream().collect(Collectors.toMap(d -> d.id, d -> d.name));
        List<Map<String, Object>> views = new ArrayList<>();
        for (CaseFile c : cases) {
            views.add(view(c, history.getOrDefault(c.id, List.of()), departments));
        }
        return views;
    }

    private Map<String, Object> view(CaseFile c, List<CaseTransition> history, Map<Long, String> departments) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("service_request_id", c.number);
        r.put("status", c.stage.isOpen() ? "open" : "closed");
        r.put("status_notes", statusNotes(c, history));
        r.put("service_name", c.classCode == null ? null : CaseClasses.find(c.classCode).map(k -> k.name).orElse(null));
        r.put("service_code", c.classCode);
        r.put("description", publicView.text(c.id).orElse(null));
        r.put("agency_responsible", c.departmentId == null ? null : departments.get(c.departmentId));
        r.put("service_notice", null);
        r.put("requested_datetime", time(c.createdAt));
        r.put("updated_datetime", time(history.stream().map(t -> t.at).max(Comparator.naturalOrder()).orElse(c.createdAt)));
        r.put("expected_datetime", c.stage.isOpen() ? time(c.handlingDeadlineAt) : null);
        r.put("address", isPublic(c) ? publicView.area(c) : null);
        r.put("address_id", null);
        r.put("zipcode", null);
        r.put("lat", null);
        r.put("long", null);
        r.put("media_url", null);
        return r;
    }

    private static boolean isPublic(CaseFile c) {
        return c.stage != CaseStage.REPORTED && !(c.stage == CaseStage.DISCARDED && c.duplicateOfId == null);
    }

    private String statusNotes(CaseFile c, List<CaseTransition> history) {
        String stage = MessageBundles.get(CaseMessages.class).stageName(c.stage);
        if (c.duplicateOfId != null) {
            String kept = CaseFile.<CaseFile>findByIdOptional(c.duplicateOfId).map(k -> k.number).orElse("");
            return stage + "：" + MessageBundles.get(Open311Messages.class).mergedInto(kept);
        }
        for (int i = history.size() - 1; i >= 0; i--) {
            CaseTransition t = history.get(i);
            if (PUBLIC_NOTES.contains(t.action) && t.note != null) {
                return stage + "：" + t.note;
            }
        }
        return stage;
    }

    /** ISO-8601 with the site's offset, e.g. {@code 2026-11-22T15:30:00+08:00}. */
    String time(Instant at) {
        return at == null ? null : OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), zone).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }
}
