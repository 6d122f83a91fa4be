package org.civicgrid.grid;

import io.quarkus.panache.common.Parameters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** 网格查询 — unit grids filtered by street, community, text and the day they are in force, ordered by code. */
final class GridQueries {

    private GridQueries() {
    }

    static List<UnitGrid> find(String street, String community, String q, LocalDate inForceOn) {
        List<String> where = new ArrayList<>();
        Parameters params = new Parameters();
        if (street != null && !street.isBlank()) {
            where.add("streetCode = :street");
            params.and("street", street.trim());
        }
        if (community != null && !community.isBlank()) {
            where.add("communityCode = :community");
            params.and("community", community.trim());
        }
        if (q != null && !q.isBlank()) {
            where.add("(code like :q or name like :q)");
            params.and("q", "%" + q.trim() + "%");
        }
        if (inForceOn != null) {
            where.add("(validFrom is null or validFrom <= :day) and (validTo is null or validTo >= :day)");
            params.and("day", inForceOn);
        }
        String query = (where.isEmpty() ? "" : String.join(" and ", where) + " ") + "order by code";
        return UnitGrid.list(query, params);
    }
}
