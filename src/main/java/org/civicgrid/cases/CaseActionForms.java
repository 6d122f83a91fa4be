package org.civicgrid.cases;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.civicgrid.cases.CasePageViews.ActionForm;
import org.civicgrid.cases.CasePageViews.Choice;
import org.civicgrid.catalog.CodeSystems;
import org.civicgrid.catalog.FilingStandard;
import org.civicgrid.org.Department;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.org.routing.Suggestion;

/**
 * 操作表单 — the small form of each action the user may take now, with the choices its input needs: departments
 * with the routing suggestion first, the class's 立案条件 with their limits, the inspectors, the classes (改类).
 */
@ApplicationScoped
class CaseActionForms {

    private final CaseRouting routing;

    CaseActionForms(CaseRouting routing) {
        this.routing = routing;
    }

    List<ActionForm> of(CaseFile c, List<String> actions) {
        return actions.stream().map(name -> CaseAction.ofApiName(name).orElseThrow())
                .map(a -> new ActionForm(a.apiName(), a.needs(), choices(c, a.needs()))).toList();
    }

    private List<Choice> choices(CaseFile c, CaseAction.Needs needs) {
        return switch (needs) {
            case DEPARTMENT -> departments(c);
            case CONDITION -> FilingStandard.forClass(c.classCode).stream()
                    .map(s -> new Choice(String.valueOf(s.id), s.condition, s.limitValue, s.limitUnit, s.defaultStandard)).toList();
            case INSPECTOR -> Staff.allOrdered().stream().filter(s -> s.active && s.has(Role.INSPECTOR))
                    .map(s -> new Choice(String.valueOf(s.id), s.displayName, 0, null, false)).toList();
            case CLASS -> CodeSystems.options().stream()
                    .filter(k -> !k.ref().equals(c.classCode)).map(k -> new Choice(k.ref(), k.label(), 0, null, false)).toList();
            default -> List.of();
        };
    }

    private List<Choice> departments(CaseFile c) {
        List<Suggestion> suggested = routing.suggest(c);
        Set<Long> suggestedIds = suggested.stream().map(Suggestion::departmentId).collect(Collectors.toSet());
        List<Choice> choices = new ArrayList<>();
        suggested.forEach(s -> choices.add(new Choice(String.valueOf(s.departmentId()), s.name(), 0, null, true)));
        Department.activeOrdered().stream().filter(d -> !suggestedIds.contains(d.id))
                .forEach(d -> choices.add(new Choice(String.valueOf(d.id), d.name, 0, null, false)));
        return choices;
    }
}
