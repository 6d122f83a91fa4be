package org.civicgrid.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.grid.CountyBoundary;
import org.civicgrid.grid.GridImport;
import org.civicgrid.grid.UnitGrid;
import org.civicgrid.grid.WorkGrids;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionLevel;
import org.civicgrid.org.Staff;
import org.jboss.logging.Logger;
import org.locationtech.jts.io.geojson.GeoJsonWriter;

/**
 * 演示网格 — in demo mode, once the demo county exists and no grid does, draws its unit grids with
 * {@link DemoGridLayout} around the county seat (≈ 35.66 N, 117.27 E), stores them through the same GeoJSON import an
 * admin uses, sets the county boundary and gives each community a work grid: 泗河街道 and 泉林镇 to {@code inspector},
 * 济河街道 and 金庄镇 to {@code inspector2}.
 */
@ApplicationScoped
public class DemoGrids {

    static final long SEED = 370831;
    static final double SEAT_LAT = 35.66;
    static final double SEAT_LON = 117.27;
    private static final Logger LOG = Logger.getLogger(DemoGrids.class);

    private final GridImport gridImport;
    private final CountyBoundary boundary;
    private final WorkGrids workGrids;
    private final ObjectMapper json;

    DemoGrids(GridImport gridImport, CountyBoundary boundary, WorkGrids workGrids, ObjectMapper json) {
        this.gridImport = gridImport;
        this.boundary = boundary;
        this.workGrids = workGrids;
        this.json = json;
    }

    public boolean loadIfEmpty() {
        return QuarkusTransaction.requiringNew().call(() -> {
            String county = SiteSetting.get(SiteSetting.DEMO_LOADED).orElse(null);
            if (UnitGrid.count() > 0 || county == null) {
                return false;
            }
            List<DemoGridLayout.StreetPlan> plan = plan(county);
            DemoGridLayout.Layout layout = new DemoGridLayout(SEED, SEAT_LAT, SEAT_LON).generate(plan);
            boundary.setGeometry(layout.outline());
            GridImport.Report report = gridImport.importCollection(collection(layout), false);
            if (!report.rejected().isEmpty()) {
                throw new IllegalStateException("demo grids rejected: " + report.rejected());
            }
            assignWorkGrids(plan);
            LOG.infof("demo grids: %d unit grids in %d communities, %d overlaps, %d gaps", report.imported(),
                    plan.stream().mapToInt(s -> s.communities().size()).sum(), report.overlaps().size(), report.gaps().size());
            return true;
        });
    }

    private static List<DemoGridLayout.StreetPlan> plan(String county) {
        List<DemoGridLayout.StreetPlan> streets = new ArrayList<>();
        List<Region> streetRegions = Region.list("parentCode = ?1 and level = ?2 order by code", county, RegionLevel.STREET);
        for (int s = 0; s < streetRegions.size(); s++) {
            Region street = streetRegions.get(s);
            int grids = s < 2 ? 55 : 22;
            List<DemoGridLayout.CommunityPlan> communities = Region.<Region>list("parentCode = ?1 order by code", street.code).stream()
                    .map(c -> new DemoGridLayout.CommunityPlan(c.code, c.name, grids)).toList();
            streets.add(new DemoGridLayout.StreetPlan(street.code, street.name, communities));
        }
        return streets;
    }

    private ObjectNode collection(DemoGridLayout.Layout layout) throws JsonProcessingException {
        GeoJsonWriter writer = new GeoJsonWriter(15); // full precision: rounding would open slivers along shared edges
        writer.setEncodeCRS(false);
        ObjectNode collection = json.createObjectNode().put("type", "FeatureCollection");
        ArrayNode features = collection.putArray("features");
        for (DemoGridLayout.GridCell cell : layout.grids()) {
            ObjectNode feature = features.addObject().put("type", "Feature");
            feature.set("geometry", json.readTree(writer.write(cell.polygon())));
            feature.putObject("properties").put("code", cell.code()).put("name", cell.name());
        }
        return collection;
    }

    private void assignWorkGrids(List<DemoGridLayout.StreetPlan> plan) {
        List<String> inspectors = List.of("inspector", "inspector2", "inspector", "inspector2");
        for (int s = 0; s < plan.size(); s++) {
            Long inspectorId = Staff.byUsername(inspectors.get(s)).map(staff -> staff.id).orElse(null);
            for (DemoGridLayout.CommunityPlan community : plan.get(s).communities()) {
                Set<String> codes = new TreeSet<>(UnitGrid.<UnitGrid>list("communityCode", community.code()).stream().map(g -> g.code).toList());
                workGrids.save(null, new WorkGrids.Form("WG" + community.code(), community.name() + "责任网格",
                        "演示：" + plan.get(s).name(), codes, inspectorId == null ? Set.of() : Set.of(inspectorId)));
            }
        }
    }
}
