package org.civicgrid.component;

import java.util.Optional;

/**
 * 部件查询入口 — what other features (cases: linking a case to a component, routing by its maintainer or property
 * department) may ask about a component. Call inside a transaction or request, like any entity query.
 */
public final class Components {

    /** A component as other features see it. */
    public record Summary(String id, String classRef, String name, String state, String gridCode, double lat, double lon,
            Long ownerDepartmentId, Long propertyDepartmentId, Long maintainerDepartmentId) {
    }

    private Components() {
    }

    /** The stored component with this id, if any. */
    public static Optional<Summary> find(String id) {
        if (id == null || id.isBlank()) {
            return Optional.empty();
        }
        return CityComponent.<CityComponent>findByIdOptional(id.trim()).map(c -> new Summary(c.id, c.classRef, c.name, c.state.name(),
                c.gridCode, c.lat, c.lon, c.ownerDepartmentId, c.propertyDepartmentId, c.maintainerDepartmentId));
    }
}
