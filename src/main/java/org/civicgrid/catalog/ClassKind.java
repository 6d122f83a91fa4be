package org.civicgrid.catalog;

import java.util.Locale;
import org.civicgrid.web.Problem;

/**
 * 分类类型 — 部件 (city component) or 事件 (incident). It is part of every class reference because legacy component and
 * incident codes overlap (component:0101 上水井盖, incident:0101 私搭乱建).
 */
public enum ClassKind {
    COMPONENT("component"),
    INCIDENT("incident");

    /** The last GB/T 47678.5 major of component classes: 01–05 are components, 06 and above incident matters. */
    static final int LAST_GB_COMPONENT_MAJOR = 5;

    private final String prefix;

    ClassKind(String prefix) {
        this.prefix = prefix;
    }

    /** The prefix of a class reference: {@code component} or {@code incident}. */
    public String prefix() {
        return prefix;
    }

    /** The class reference of {@code code} of this kind, e.g. {@code component:0101}. */
    public String ref(String code) {
        return prefix + ":" + code;
    }

    /** The kind of a GB/T 47678.5 major code: 01–05 component classes, 06–10 (and local majors above) incident matters. */
    public static ClassKind ofGbMajor(String majorCode) {
        return Integer.parseInt(majorCode) <= LAST_GB_COMPONENT_MAJOR ? COMPONENT : INCIDENT;
    }

    /** Reads {@code component}, {@code incident} or {@code event} (the reference tables' word), any case. */
    static ClassKind parse(String field, String value) {
        String text = value == null ? "" : value.trim().toLowerCase(Locale.ROOT);
        return switch (text) {
            case "component" -> COMPONENT;
            case "incident", "event" -> INCIDENT;
            default -> throw Problem.badRequest(field, "use component or incident");
        };
    }
}
