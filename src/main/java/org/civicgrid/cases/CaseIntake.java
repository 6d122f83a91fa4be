package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.appliance.SingleWriter;
import org.civicgrid.catalog.CaseClasses;
import org.civicgrid.component.Components;
import org.civicgrid.grid.Crs;
import org.civicgrid.grid.GeoLocation;
import org.civicgrid.grid.Geocoder;
import org.civicgrid.org.Role;
import org.civicgrid.web.Problem;

/**
 * 信息收集 — turns a report from any channel into a case in {@link CaseStage#REPORTED}: checks the input, gives
 * it its number, starts the 受理 clock and writes the first history row. Which sources a role may report:
 * inspectors their own patrol finds; acceptors public, hotline, superior, leader and media reports; shift leads
 * hotline calls; leaders their own assignments.
 */
@ApplicationScoped
public class CaseIntake {

    /** Free-text bounds (issue 17: a 1 MB description was once stored and bloated every list page). */
    static final int MAX_DESCRIPTION = 4000;
    static final int MAX_SHORT_TEXT = 500;
    static final int MAX_NAME = 100;

    private static void bounded(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw Problem.badRequest(field, "at most " + max + " characters, got " + value.length());
        }
    }


    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final CaseActions actions;
    private final Deadlines deadlines;
    private final ApplianceConfig appliance;
    private final Geocoder geocoder;
    private final Clock clock;

    CaseIntake(CaseActions actions, Deadlines deadlines, ApplianceConfig appliance, Geocoder geocoder, Clock clock) {
        this.actions = actions;
        this.deadlines = deadlines;
        this.appliance = appliance;
        this.geocoder = geocoder;
        this.clock = clock;
    }

    @Transactional
    @SingleWriter
    public CaseFile report(NewReport report, Actor actor) {
        if (report == null) {
            throw Problem.badRequest(null, "send {source, description, lat, lon, classCode?, address?}");
        }
        CaseSource source = report.source() == null ? defaultSource(actor) : report.source();
        if (!actor.system() && !allowedSources(actor.roles()).contains(source)) {
            throw new Problem(403, "forbidden", "source", "your roles may not report cases from source " + source);
        }
        if (report.description() == null || report.description().isBlank()) {
            throw Problem.badRequest("description", "describe the problem");
        }
        bounded("description", report.description(), MAX_DESCRIPTION);
        bounded("address", report.address(), MAX_SHORT_TEXT);
        bounded("reporterName", report.reporterName(), MAX_NAME);
        bounded("reporterPhone", report.reporterPhone(), MAX_NAME);
        Components.Summary component = component(report.componentId());
        boolean atComponent = component != null && report.lat() == null && report.lon() == null;
        GeoLocation location = atComponent ? geocoder.requireInCounty(component.lat(), component.lon(), Crs.WGS84)
                : geocoder.requireInCounty(report.lat(), report.lon(), Crs.parse(report.crs()));
        Instant now = clock.instant();
        CaseFile c = new CaseFile();
        c.siteId = appliance.siteId();
        c.number = nextNumber(now);
        c.source = source;
        String classCode = report.classCode() == null || report.classCode().isBlank() ? component == null ? null : component.classRef()
                : report.classCode();
        c.classCode = classCode == null ? null : CaseClasses.require(classCode).ref;
        c.componentId = component == null ? null : component.id();
        c.description = report.description().trim();
        ActionEffects.place(c, location, report.address());
        c.reporterName = blankToNull(report.reporterName());
        c.reporterPhone = blankToNull(report.reporterPhone());
        c.reportedById = actor.staffId();
        c.stage = CaseStage.REPORTED;
        c.createdAt = now;
        deadlines.afterTransition(c, null, null, now);
        c.persist();
        actions.record(c, null, null, actor, actor.roles().stream().map(Role::name).sorted().findFirst().orElse(null), null, now);
        return c;
    }

    private String nextNumber(Instant now) {
        String prefix = LocalDate.ofInstant(now, clock.getZone()).format(DAY);
        // the day's numbers as a range of the (site, number) index: a LIKE would read every case of every day
        String last = CaseFile.getEntityManager()
                .createQuery("select max(c.number) from CaseFile c where c.siteId = :site and c.number >= :day and c.number < :nextDay",
                        String.class)
                .setParameter("site", appliance.siteId()).setParameter("day", prefix)
                .setParameter("nextDay", LocalDate.ofInstant(now, clock.getZone()).plusDays(1).format(DAY)).getSingleResult();
        int serial = last == null ? 1 : Integer.parseInt(last.substring(prefix.length())) + 1;
        return prefix + String.format("%04d", serial);
    }

    private static Components.Summary component(String id) {
        if (id == null || id.isBlank()) {
            return null;
        }
        return Components.find(id).orElseThrow(() -> Problem.badRequest("componentId", "no component " + id.trim()));
    }

    static Set<CaseSource> allowedSources(Set<Role> roles) {
        Set<CaseSource> sources = EnumSet.noneOf(CaseSource.class);
        if (roles.contains(Role.INSPECTOR)) {
            sources.add(CaseSource.INSPECTOR);
        }
        if (roles.contains(Role.ACCEPTOR)) {
            sources.addAll(EnumSet.of(CaseSource.PUBLIC, CaseSource.HOTLINE, CaseSource.SUPERIOR, CaseSource.LEADER, CaseSource.MEDIA));
            sources.addAll(EnumSet.of(CaseSource.CAMERA, CaseSource.DRONE)); // raised from the alert review queue
        }
        if (roles.contains(Role.LEADER)) {
            sources.add(CaseSource.LEADER);
        }
        if (roles.contains(Role.SHIFT_LEAD)) {
            sources.add(CaseSource.HOTLINE); // the shift lead takes calls at the hotline desk too (small centres)
        }
        return sources;
    }

    private static CaseSource defaultSource(Actor actor) {
        return actor.roles().contains(Role.INSPECTOR) ? CaseSource.INSPECTOR : CaseSource.HOTLINE;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
