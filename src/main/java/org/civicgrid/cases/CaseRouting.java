package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.civicgrid.component.Components;
import org.civicgrid.org.routing.Routing;
import org.civicgrid.org.routing.RoutingQuestion;
import org.civicgrid.org.routing.Suggestion;

/** 案卷派遣建议 — asks the routing feature about a case: its class, its place and the component it is about. */
@ApplicationScoped
public class CaseRouting {

    private final Routing routing;

    CaseRouting(Routing routing) {
        this.routing = routing;
    }

    public List<Suggestion> suggest(CaseFile c) {
        Components.Summary component = Components.find(c.componentId).orElse(null);
        return routing.suggest(new RoutingQuestion(c.classCode, c.gridCode, c.communityCode, c.streetCode, c.componentId,
                component == null ? null : component.maintainerDepartmentId(), component == null ? null : component.propertyDepartmentId(),
                component == null ? null : component.ownerDepartmentId()));
    }
}
