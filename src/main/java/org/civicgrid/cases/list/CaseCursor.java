package org.civicgrid.cases.list;

import java.time.Instant;
import org.civicgrid.cases.CaseViews;
import org.civicgrid.web.Problem;

/**
 * 翻页位置 — a keyset position in the case list (newest first): the creation instant and id of a case, written
 * {@code <epoch-seconds>.<nanos>_<id>} in links and the API (exact to the
 * stored precision: milliseconds on SQLite, microseconds on PostgreSQL). The next page starts after the last case shown, the previous one
 * before the first: no offset is counted past, whatever the depth.
 */
public record CaseCursor(Instant createdAt, long id) {

    static CaseCursor of(CaseViews.CaseSummary c) {
        return new CaseCursor(c.createdAt(), c.id());
    }

    /** The cursor in a query parameter, or null when blank; a malformed one is a 400 on {@code field}. */
    public static CaseCursor parse(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        int cut = text.indexOf('_');
        try {
            if (cut > 0) {
                String at = text.substring(0, cut).trim();
                int dot = at.indexOf('.');
                long seconds = Long.parseLong(dot < 0 ? at : at.substring(0, dot));
                long nanos = dot < 0 ? 0 : Long.parseLong(at.substring(dot + 1));
                if (nanos >= 0 && nanos < 1_000_000_000L) {
                    return new CaseCursor(Instant.ofEpochSecond(seconds, nanos), Long.parseLong(text.substring(cut + 1).trim()));
                }
            }
        } catch (NumberFormatException e) {
            // falls through to the 400
        }
        throw Problem.badRequest(field, "'" + field + "' is a list position like 1733550000.123000000_42, as given in next/previous");
    }

    @Override
    public String toString() {
        return createdAt.getEpochSecond() + "." + String.format("%09d", createdAt.getNano()) + "_" + id;
    }
}
