package org.civicgrid.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.civicgrid.catalog.FilingStandard;
import org.civicgrid.cases.Actor;
import org.civicgrid.component.CityComponent;
import org.civicgrid.grid.WorkGrids;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.org.routing.Routing;
import org.civicgrid.org.routing.RoutingQuestion;
import org.civicgrid.org.routing.Suggestion;
import org.civicgrid.portal.PlainProblem;

/**
 * 演示角色与地点 — who acts in the living demo (the demo accounts: 受理员, 值班长, 派遣员, 领导, the inspector whose work
 * grids cover a place, the department the routing table suggests) and where cases happen: a fixed sample of demo
 * components whose class has an active 立案条件 and whose suggested department has an account. Read once per run
 * (inside a transaction).
 */
record DemoCast(Actor acceptor, Actor shiftLead, Actor dispatcher, Actor leader, List<Place> places) {

    /**
     * A place cases happen at: a component (部件 case) or a point beside one (事件 case, {@code componentId} null), the
     * class and its 立案条件, who checks it and who handles it; {@code publicProblem} when citizens report it on the portal.
     */
    record Place(String componentId, double lat, double lon, String classRef, long conditionId, Actor inspector, Actor department, Actor otherDepartment,
            PlainProblem publicProblem) {
    }

    static final int PLACES = 300;
    private static final List<PlainProblem> INCIDENTS = Arrays.stream(PlainProblem.values()).filter(p -> p.classRef.startsWith("incident:")).toList();

    static DemoCast read(long seed, Routing routing, WorkGrids workGrids) {
        Map<Long, Actor> departmentStaff = new HashMap<>();
        List<Actor> inspectors = new ArrayList<>();
        List<Staff> staff = Staff.getEntityManager().createQuery("select distinct s from Staff s left join fetch s.roles"
                + " where s.demo = true and s.active = true order by s.id", Staff.class).getResultList();
        for (Staff s : staff) {
            if (s.has(Role.DEPARTMENT) && s.departmentId != null) {
                departmentStaff.putIfAbsent(s.departmentId, actor(s));
            }
            if (s.has(Role.INSPECTOR)) {
                inspectors.add(actor(s));
            }
        }
        List<Actor> departments = departmentStaff.values().stream().sorted(Comparator.comparing(Actor::staffId)).toList();
        Random random = new Random(seed);
        List<Place> places = new ArrayList<>();
        Map<String, Optional<Long>> conditions = new HashMap<>();
        List<CityComponent> components = CityComponent.list("order by id");
        Map<String, Set<Long>> coverage = workGrids.coverage();
        var suggester = routing.suggester();
        while (places.size() < PLACES && !components.isEmpty()) {
            CityComponent c = components.remove(random.nextInt(components.size()));
            boolean incident = random.nextDouble() < 0.4; // 事件: litter, an overflowing bin, a pothole beside the component
            String classRef = incident ? INCIDENTS.get(random.nextInt(INCIDENTS.size())).classRef : c.classRef;
            String componentId = incident ? null : c.id;
            Optional<Long> condition = conditions.computeIfAbsent(classRef, FilingStandard::firstActiveId);
            Set<Long> covering = c.gridCode == null ? Set.of() : coverage.getOrDefault(c.gridCode, Set.of());
            Actor inspector = inspectors.stream().filter(i -> covering.contains(i.staffId())).findFirst().orElse(null);
            List<Actor> suggested = suggester.apply(new RoutingQuestion(classRef, c.gridCode, c.communityCode, c.streetCode, componentId,
                    incident ? null : c.maintainerDepartmentId, incident ? null : c.propertyDepartmentId, incident ? null : c.ownerDepartmentId)).stream()
                    .map(Suggestion::departmentId).map(departmentStaff::get).filter(a -> a != null).distinct().toList();
            if (condition.isEmpty() || inspector == null || suggested.isEmpty()) {
                continue;
            }
            Actor department = suggested.get(0);
            Actor other = suggested.size() > 1 ? suggested.get(1)
                    : departments.stream().filter(d -> !d.equals(department)).toList().get(random.nextInt(departments.size() - 1));
            PlainProblem problem = Arrays.stream(PlainProblem.values()).filter(p -> p.classRef.equals(classRef)).findFirst().orElse(null);
            places.add(new Place(componentId, c.lat, c.lon, classRef, condition.get(), inspector, department, other, problem));
        }
        return new DemoCast(actor(staff, "acceptor"), actor(staff, "shiftlead"), actor(staff, "dispatcher"), actor(staff, "leader"),
                List.copyOf(places));
    }

    private static Actor actor(List<Staff> staff, String username) {
        return actor(staff.stream().filter(s -> username.equals(s.username)).findFirst().or(() -> Staff.byUsername(username))
                .orElseThrow(() -> new IllegalStateException("demo account " + username + " missing")));
    }

    private static Actor actor(Staff s) {
        return new Actor(s.id, s.displayName, java.util.Set.copyOf(s.roles), s.departmentId, false);
    }
}
