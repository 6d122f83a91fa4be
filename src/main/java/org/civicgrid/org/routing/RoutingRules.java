package org.civicgrid.org.routing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import org.civicgrid.catalog.CaseClass;
import org.civicgrid.grid.UnitGrid;
import org.civicgrid.org.Department;
import org.civicgrid.org.Region;
import org.civicgrid.web.Problem;

/**
 * 派遣规则管理 — adds and removes routing-table rows, checking that the class (or major) exists, that the area is a
 * street, community or unit grid of this county, and that the department is active.
 */
@ApplicationScoped
public class RoutingRules {

    /** What an admin sends: class ref or major ({@code component:01}), area code, department id; null class/area = any. */
    public record Form(String classRef, String areaCode, Long departmentId, String note) {
    }

    private final Clock clock;

    RoutingRules(Clock clock) {
        this.clock = clock;
    }

    @Transactional
    public RoutingRule add(Form form) {
        if (form == null || form.departmentId() == null) {
            throw Problem.badRequest("departmentId", "send {classRef, areaCode, departmentId, note}; the department is required");
        }
        String classRef = blankToNull(form.classRef());
        String areaCode = blankToNull(form.areaCode());
        if (classRef == null && areaCode == null) {
            throw Problem.badRequest("classRef", "give a class, an area or both: a rule for everything everywhere routes nothing");
        }
        boolean major = classRef != null && classRef.matches("(component|incident):\\d{2}") && CaseClass.count("ref like ?1", classRef + "%") > 0;
        if (classRef != null && !major && CaseClass.byRef(classRef).isEmpty()) {
            throw Problem.badRequest("classRef", "no class or major " + classRef + " (write component:0101, incident:06010 or a major like component:01)");
        }
        if (areaCode != null && Region.byCode(areaCode).isEmpty() && UnitGrid.byCode(areaCode).isEmpty()) {
            throw Problem.badRequest("areaCode", "no street, community or unit grid " + areaCode);
        }
        Department department = Department.<Department>findByIdOptional(form.departmentId())
                .filter(d -> d.active).orElseThrow(() -> Problem.badRequest("departmentId", "no active department " + form.departmentId()));
        RoutingRule rule = new RoutingRule();
        rule.classRef = classRef;
        rule.areaCode = areaCode;
        rule.departmentId = department.id;
        rule.note = blankToNull(form.note());
        rule.createdAt = clock.instant();
        rule.persist();
        return rule;
    }

    @Transactional
    public void delete(long id) {
        RoutingRule.<RoutingRule>findByIdOptional(id).orElseThrow(() -> Problem.notFound("routing rule " + id)).delete();
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
