package org.civicgrid.component;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civicgrid.web.Problem;

/** 部件状态登记 — records a state change of a component (e.g. 破损 found on patrol) with a history row. One transaction. */
@ApplicationScoped
class ComponentStates {

    private final Event<ComponentsChanged> changed;
    private final Clock clock;

    ComponentStates(Event<ComponentsChanged> changed, Clock clock) {
        this.changed = changed;
        this.clock = clock;
    }

    @Transactional
    CityComponent change(String id, ComponentViews.StateForm form, String username) {
        CityComponent component = CityComponent.<CityComponent>findByIdOptional(id).orElseThrow(() -> Problem.notFound("component " + id));
        ComponentState to;
        try {
            to = ComponentState.parse(form == null ? null : form.state());
        } catch (IllegalArgumentException e) {
            throw Problem.badRequest("state", e.getMessage());
        }
        if (to == null) {
            throw Problem.badRequest("state", "give the new state: INTACT, DAMAGED, LOST, ABANDONED or REMOVED");
        }
        String note = form.note() == null || form.note().isBlank() ? null : form.note().trim();
        if (note != null && note.length() > 500) {
            throw Problem.badRequest("note", "at most 500 characters");
        }
        ComponentStateChange change = new ComponentStateChange();
        change.componentId = id;
        change.fromState = component.state;
        change.toState = to;
        change.changedBy = username;
        change.changedAt = clock.instant();
        change.note = note;
        change.persist();
        component.state = to;
        component.updatedAt = change.changedAt;
        changed.fire(new ComponentsChanged("component " + id + " is now " + to));
        return component;
    }
}
