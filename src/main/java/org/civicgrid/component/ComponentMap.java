package org.civicgrid.component;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.catalog.CaseClass;
import org.civicgrid.catalog.ClassKind;
import org.civicgrid.grid.NearbyComponents;

/**
 * 部件地图 — keeps the {@link ComponentIndex} of all components. Built on first use with one read of the table, dropped
 * after any change ({@link ComponentsChanged}, after completion), so lookups never query the database. Also what the
 * geocoder lists as the nearest components.
 */
@ApplicationScoped
class ComponentMap implements NearbyComponents {

    private volatile ComponentIndex index;

    /** The current index; built with plain reads (no transaction of its own), joining the caller's when there is one. */
    @ActivateRequestContext
    ComponentIndex index() {
        ComponentIndex current = index;
        if (current == null) {
            synchronized (this) {
                if (index == null) {
                    index = build();
                }
                current = index;
            }
        }
        return current;
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) ComponentsChanged event) {
        index = null;
    }

    @Override
    public List<Nearby> near(double lat, double lon, double radiusM, int limit) {
        ComponentIndex current = index();
        return current.within(lat, lon, radiusM).stream().limit(Math.max(0, limit)).map(hit -> {
            ComponentIndex.Entry e = hit.entry();
            return new Nearby(e.id(), e.name(), e.classRef(), current.className(e.classRef()), e.state().name(), e.lat(), e.lon(),
                    Math.round(hit.distanceM() * 100) / 100.0);
        }).toList();
    }

    private static ComponentIndex build() {
        List<Object[]> rows = CityComponent.getEntityManager()
                .createQuery("select c.id, c.name, c.classRef, c.state, c.lat, c.lon, c.gridCode from CityComponent c", Object[].class)
                .getResultList();
        List<ComponentIndex.Entry> entries = rows.stream().map(r -> new ComponentIndex.Entry((String) r[0], (String) r[1], (String) r[2],
                (ComponentState) r[3], (Double) r[4], (Double) r[5], (String) r[6])).toList();
        Map<String, String> names = new HashMap<>();
        CaseClass.<CaseClass>list("kind", ClassKind.COMPONENT).forEach(c -> names.put(c.ref, c.name));
        return ComponentIndex.of(entries, names);
    }
}
