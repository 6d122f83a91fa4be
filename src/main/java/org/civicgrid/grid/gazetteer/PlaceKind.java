package org.civicgrid.grid.gazetteer;

import java.util.Locale;
import org.civicgrid.web.Problem;

/** 地名类型 (place kind) — what a gazetteer entry names; the order is the tie-break of equal scores (doors first). */
public enum PlaceKind {
    /** 门牌 — a door address, e.g. 泉林路88号. */
    DOOR,
    /** 地标 / POI — a named building or site, e.g. 县人民医院. */
    LANDMARK,
    /** 道路 — a road or street, with its line and door-number range. */
    ROAD;

    /** Reads {@code road}, {@code landmark} or {@code door} (any case); anything else is a 400 on {@code field}. */
    static PlaceKind parse(String field, String text) {
        try {
            return valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest(field, "use road, landmark or door");
        }
    }
}
