package org.civicgrid.demo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.civicgrid.catalog.CaseClass;
import org.civicgrid.catalog.ClassSystem;
import org.civicgrid.component.AccuracyClass;
import org.civicgrid.component.CityComponent;
import org.civicgrid.component.ComponentState;
import org.civicgrid.component.ComponentStore;
import org.civicgrid.grid.UnitGrid;
import org.civicgrid.org.Department;
import org.civicgrid.org.DepartmentKind;
import org.civicgrid.org.Region;
import org.jboss.logging.Logger;

/**
 * 演示部件 — in demo mode, once unit grids exist and no component does, places about {@value #TOTAL} components over the
 * demo grids with a fixed seed: per grid in proportion to its area (three times denser in the two urban streets),
 * classes from {@link DemoComponentMix}, points drawn inside the grid polygon ({@link DemoPoints}), states mostly 完好
 * with ~3 % 破损 and ~1 % 丢失. Ids are county + legacy class + a 6-digit serial per class. Illustrative, not surveyed.
 */
@ApplicationScoped
public class DemoComponents {

    static final int TOTAL = 10_000;
    private static final Logger LOG = Logger.getLogger(DemoComponents.class);

    private final ComponentStore store;
    private final Clock clock;

    DemoComponents(ComponentStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** Loads the demo components into an empty component table when grids exist; returns false otherwise. */
    public boolean loadIfEmpty() {
        long started = System.nanoTime();
        return QuarkusTransaction.requiringNew().call(() -> {
            if (CityComponent.count() > 0 || UnitGrid.count() == 0 || Region.county().isEmpty()) {
                return false;
            }
            List<CityComponent> components = generate(Region.county().get().code, UnitGrid.allOrdered());
            long generated = System.nanoTime();
            store.insertAll(components);
            LOG.infof("demo components: %d placed in %d ms, stored in %d ms", components.size(), (generated - started) / 1_000_000,
                    (System.nanoTime() - generated) / 1_000_000);
            return true;
        });
    }

    private List<CityComponent> generate(String county, List<UnitGrid> grids) {
        Random random = new Random(DemoGrids.SEED);
        Map<String, String> names = new HashMap<>();
        CaseClass.<CaseClass>list("system", ClassSystem.LEGACY).forEach(c -> names.put(c.ref, c.name));
        Map<String, Long> departments = new HashMap<>();
        Department.<Department>listAll().forEach(d -> departments.put(d.code, d.id));
        Map<String, Long> streetOffices = streetOffices();
        Map<String, Integer> serials = new HashMap<>();
        double weightSum = grids.stream().mapToDouble(g -> weight(g, streetOffices)).sum();
        List<CityComponent> components = new ArrayList<>();
        for (UnitGrid grid : grids) {
            DemoPoints points = new DemoPoints(grid.geometryWkt, random);
            long count = Math.round(TOTAL * weight(grid, streetOffices) / weightSum);
            for (int i = 0; i < count; i++) {
                DemoComponentMix.Share share = DemoComponentMix.draw(random);
                String ref = "component:" + share.classCode();
                if (!names.containsKey(ref)) {
                    continue;
                }
                int serial = serials.merge(share.classCode(), 1, Integer::sum);
                Long maintainer = DemoComponentMix.STREET_OFFICE.equals(share.department())
                        ? streetOffices.getOrDefault(grid.streetCode, departments.get("zhifa")) : departments.get(share.department());
                double[] at = points.next();
                components.add(component(county + share.classCode() + String.format("%06d", serial), ref, names.get(ref), grid, at,
                        maintainer, AccuracyClass.valueOf(share.accuracy()), random));
            }
        }
        return components;
    }

    private CityComponent component(String id, String ref, String name, UnitGrid grid, double[] at, Long maintainer, AccuracyClass accuracy,
            Random random) {
        CityComponent c = new CityComponent();
        c.id = id;
        c.system = ClassSystem.LEGACY;
        c.classRef = ref;
        c.name = name;
        double r = random.nextDouble();
        c.state = r < 0.03 ? ComponentState.DAMAGED : r < 0.04 ? ComponentState.LOST : ComponentState.INTACT;
        c.lat = at[0];
        c.lon = at[1];
        c.gridCode = grid.code;
        c.communityCode = grid.communityCode;
        c.streetCode = grid.streetCode;
        c.ownerDepartmentId = maintainer;
        c.maintainerDepartmentId = maintainer;
        c.installedOn = LocalDate.of(2005, 1, 1).plusDays(random.nextInt(19 * 365));
        c.surveyedOn = LocalDate.of(2025, 9, 1).plusDays(random.nextInt(60));
        c.updatedAt = clock.instant();
        c.dataSource = "普查";
        c.accuracyClass = accuracy;
        return c;
    }

    /** Street/town code → the street office answering for it. */
    private static Map<String, Long> streetOffices() {
        Map<String, Long> offices = new HashMap<>();
        Department.<Department>list("kind", DepartmentKind.STREET_OFFICE).forEach(d -> d.areaCodes.forEach(code -> offices.put(code, d.id)));
        return offices;
    }

    /** Urban streets (those with a street office) are three times as dense as towns. */
    private static double weight(UnitGrid grid, Map<String, Long> streetOffices) {
        return grid.areaM2 * (streetOffices.containsKey(grid.streetCode) ? 3 : 1);
    }
}
