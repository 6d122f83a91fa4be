package org.civicgrid.grid;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionLevel;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;

/** 网格概况查询 — gathers the {@link GridOverview} for the admin page and checks the cover (grids in force today). */
@ApplicationScoped
public class GridOverviews {

    /** Overlaps and gaps of the whole cover. */
    public record Topology(int grids, List<GridTopology.Overlap> overlaps, List<GridTopology.Gap> gaps) {
    }

    private final Grids grids;
    private final GridConfig config;
    private final Clock clock;

    GridOverviews(Grids grids, GridConfig config, Clock clock) {
        this.grids = grids;
        this.config = config;
        this.clock = clock;
    }

    /** Overlaps and gaps of all grids in force (against the county boundary when one is set). */
    Topology topology() {
        List<GridIndex.Cell> cells = GridQueries.find(null, null, null, LocalDate.now(clock)).stream().map(UnitGrid::cell).toList();
        Set<String> all = cells.stream().map(GridIndex.Cell::code).collect(Collectors.toSet());
        return new Topology(cells.size(), GridTopology.overlaps(cells, all, config.sliverAreaM2()),
                GridTopology.gaps(cells, grids.boundary(), config.sliverAreaM2()));
    }

    GridOverview current() {
        List<UnitGrid> all = GridQueries.find(null, null, null, LocalDate.now(clock));
        Map<String, List<UnitGrid>> byCommunity = all.stream().collect(Collectors.groupingBy(g -> g.communityCode));
        Map<Long, String> names = Staff.<Staff>listAll().stream().collect(Collectors.toMap(s -> s.id, s -> s.displayName));
        List<WorkGrid> work = WorkGrid.allOrdered();
        List<GridOverview.Street> streets = Region.<Region>list("level = ?1 order by code", RegionLevel.STREET).stream()
                .map(street -> new GridOverview.Street(street.code, street.name,
                        Region.<Region>list("parentCode = ?1 order by code", street.code).stream()
                                .map(c -> community(c, byCommunity.getOrDefault(c.code, List.of()), work, names)).toList()))
                .toList();
        List<GridOverview.Inspector> inspectors = Staff.allOrdered().stream().filter(s -> s.active && s.has(Role.INSPECTOR))
                .map(s -> new GridOverview.Inspector(s.id, s.displayName)).toList();
        double km2 = all.stream().mapToDouble(g -> g.areaM2).sum() / 1e6;
        return new GridOverview(all.size(), Math.round(km2 * 100) / 100.0, grids.boundary() != null, streets, inspectors);
    }

    private static GridOverview.Community community(Region community, List<UnitGrid> grids, List<WorkGrid> work, Map<Long, String> names) {
        List<GridOverview.Work> works = work.stream()
                .filter(w -> w.gridCodes.stream().anyMatch(code -> code.startsWith(community.code)))
                .map(w -> new GridOverview.Work(w.code, w.name, w.gridCodes.size(), List.copyOf(w.inspectorIds),
                        w.inspectorIds.stream().map(id -> names.getOrDefault(id, "#" + id)).toList()))
                .toList();
        double ha = grids.stream().mapToDouble(g -> g.areaM2).sum() / 1e4;
        return new GridOverview.Community(community.code, community.name, grids.size(), Math.round(ha * 10) / 10.0, works);
    }
}
