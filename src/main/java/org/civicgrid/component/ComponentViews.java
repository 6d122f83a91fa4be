package org.civicgrid.component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** 部件视图 — what the component API answers and accepts. */
final class ComponentViews {

    private ComponentViews() {
    }

    /** One component in a list; {@code distanceM} only when the list was asked {@code near} a point. */
    record Item(String id, String name, String classRef, String className, ComponentState state, String stateLabel, double lat, double lon,
            String gridCode, String communityCode, String streetCode, String address, Long ownerDepartmentId, Long propertyDepartmentId,
            Long maintainerDepartmentId, LocalDate installedOn, LocalDate surveyedOn, Instant updatedAt, String dataSource,
            AccuracyClass accuracyClass, String note, Double distanceM) {

        static Item of(CityComponent c, String className, Double distanceM) {
            return new Item(c.id, c.name, c.classRef, className, c.state, c.state.label(), c.lat, c.lon, c.gridCode, c.communityCode,
                    c.streetCode, c.address, c.ownerDepartmentId, c.propertyDepartmentId, c.maintainerDepartmentId, c.installedOn,
                    c.surveyedOn, c.updatedAt, c.dataSource, c.accuracyClass, c.note,
                    distanceM == null ? null : Math.round(distanceM * 100) / 100.0);
        }
    }

    record ItemPage(List<Item> items, long total) {
    }

    /** One recorded state change. */
    record StateChangeView(ComponentState fromState, ComponentState toState, String changedBy, Instant changedAt, String note) {

        static StateChangeView of(ComponentStateChange change) {
            return new StateChangeView(change.fromState, change.toState, change.changedBy, change.changedAt, change.note);
        }
    }

    /** One component with its state history, oldest first. */
    record Detail(Item component, List<StateChangeView> stateChanges) {
    }

    /** A state change to record: {@code state} as INTACT… or 完好…, an optional note. */
    record StateForm(String state, String note) {
    }
}
