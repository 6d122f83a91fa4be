package org.civicgrid.component;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.function.BiFunction;
import org.civicgrid.grid.Crs;
import org.civicgrid.grid.GeoLocation;

/**
 * 部件校验 — turns one {@link ComponentRow} into a {@link CityComponent} or says why not (an
 * {@link IllegalArgumentException} with the reason): id structure and county, class known and matching the id, state,
 * accuracy class, dates, department codes, position inside the county. Needs no database: what it checks against is given.
 */
final class ComponentCheck {

    /** What rows are checked against: the county, active component classes (ref → name) and departments (code → id). */
    record Context(String countyCode, Map<String, String> classNames, Map<String, Long> departments, Crs crs,
            BiFunction<Double, Double, GeoLocation> geocoder, Instant now) {
    }

    private final Context context;

    ComponentCheck(Context context) {
        this.context = context;
    }

    CityComponent check(ComponentRow row) {
        if (row.unreadable() != null) {
            throw new IllegalArgumentException(row.unreadable());
        }
        String problem = ComponentCode.problem(row.id(), context.countyCode(), ref -> true);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ComponentCode code = new ComponentCode(row.id());
        String classRef = row.classText() == null ? code.classRef() : ref(row.classText());
        String className = context.classNames().get(classRef);
        if (className == null) {
            throw new IllegalArgumentException("class " + classRef + " is not an active component class");
        }
        if (!classRef.equals(code.classRef())) {
            throw new IllegalArgumentException("id " + row.id() + " does not match class " + classRef + ": characters 7–"
                    + (6 + code.classCode().length()) + " are " + code.classCode());
        }
        CityComponent c = new CityComponent();
        c.id = code.value();
        c.system = code.system();
        c.classRef = classRef;
        c.name = row.name() == null ? className : row.name();
        ComponentState state = ComponentState.parse(row.state());
        c.state = state == null ? ComponentState.INTACT : state;
        c.accuracyClass = AccuracyClass.parse(row.accuracyClass());
        c.ownerDepartmentId = department(row.ownerDepartment(), "owner");
        c.propertyDepartmentId = department(row.propertyDepartment(), "property");
        c.maintainerDepartmentId = department(row.maintainerDepartment(), "maintainer");
        c.installedOn = date(row.installedOn(), "installedOn");
        c.surveyedOn = date(row.surveyedOn(), "surveyedOn");
        c.dataSource = row.dataSource() == null ? "导入" : row.dataSource();
        c.address = row.address();
        c.note = row.note();
        c.updatedAt = context.now();
        place(c, row.lat(), row.lon());
        return c;
    }

    private void place(CityComponent c, Double lat, Double lon) {
        if (lat == null || lon == null || !Double.isFinite(lat) || !Double.isFinite(lon) || Math.abs(lat) > 90 || Math.abs(lon) > 180) {
            throw new IllegalArgumentException("give the position as lat and lon in decimal degrees");
        }
        double[] wgs84 = context.crs().toWgs84(lat, lon);
        GeoLocation at = context.geocoder().apply(wgs84[0], wgs84[1]);
        if (!at.inCounty()) {
            throw new IllegalArgumentException("the point " + lat + "," + lon + " is outside the county this centre serves");
        }
        c.lat = wgs84[0];
        c.lon = wgs84[1];
        c.gridCode = at.gridCode();
        c.communityCode = at.communityCode();
        c.streetCode = at.streetCode();
    }

    /** A class reference from {@code component:0101}, {@code 0101} or {@code 01001}. */
    static String ref(String classText) {
        String text = classText.trim();
        return text.contains(":") ? text : "component:" + text;
    }

    private Long department(String code, String role) {
        if (code == null) {
            return null;
        }
        Long id = context.departments().get(code);
        if (id == null) {
            throw new IllegalArgumentException("unknown department code '" + code + "' (" + role + " department)");
        }
        return id;
    }

    private static LocalDate date(String text, String field) {
        try {
            return text == null ? null : LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " '" + text + "' is not a date like 2026-01-01");
        }
    }
}
