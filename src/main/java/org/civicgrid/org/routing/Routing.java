package org.civicgrid.org.routing;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.civicgrid.catalog.ClassMapping;
import org.civicgrid.org.Department;

/**
 * 派遣建议计算 — ranks the departments for a case. Sources, strongest first: the component's 养护 (100), 权属 (90) and
 * 主管 (80) departments; routing-table rows (50 + class and area fit, see {@link RoutingMatch}); departments that
 * declare the case's class and either no area or one containing the case (40, 45 with a matching area); when none
 * of these finds anyone, departments declaring a class of the same major (20). A department
 * found by several sources keeps its best score and all reasons. Inactive departments are never suggested.
 */
@ApplicationScoped
public class Routing {

    public List<Suggestion> suggest(RoutingQuestion q) {
        return suggester().apply(q);
    }

    /**
     * The ranking for many questions at once (the living demo's places): the active departments and the routing table
     * read once, each question then answered in memory.
     */
    public Function<RoutingQuestion, List<Suggestion>> suggester() {
        Map<Long, Department> departments = new LinkedHashMap<>();
        Department.<Department>list("active", true).forEach(d -> departments.put(d.id, d));
        List<RoutingRule> rules = RoutingRule.listAll();
        return q -> suggest(q, departments, rules);
    }

    private static List<Suggestion> suggest(RoutingQuestion q, Map<Long, Department> departments, List<RoutingRule> rules) {
        Map<Long, Scored> found = new LinkedHashMap<>();
        component(found, q.maintainerId(), 100, "养护单位 of component " + q.componentId());
        component(found, q.propertyId(), 90, "权属单位 of component " + q.componentId());
        component(found, q.ownerId(), 80, "主管部门 of component " + q.componentId());
        Set<String> classes = classesOf(q.classRef());
        for (RoutingRule rule : rules) {
            int classScore = RoutingMatch.classScore(rule.classRef, classes);
            int areaScore = RoutingMatch.areaScore(rule.areaCode, q.gridCode(), q.communityCode(), q.streetCode());
            if (classScore >= 0 && areaScore >= 0 && (rule.classRef != null || rule.areaCode != null)) {
                add(found, rule.departmentId, 50 + classScore + areaScore, "routing rule " + rule.id + " ("
                        + (rule.classRef == null ? "any class" : rule.classRef) + " in " + (rule.areaCode == null ? "the county" : rule.areaCode) + ")");
            }
        }
        for (Department d : departments.values()) {
            if (!classes.isEmpty() && d.classCodes.stream().anyMatch(classes::contains)) {
                int areaScore = d.areaCodes.stream().mapToInt(a -> RoutingMatch.areaScore(a, q.gridCode(), q.communityCode(), q.streetCode()))
                        .max().orElse(0);
                if (d.areaCodes.isEmpty() || areaScore > 0) {
                    add(found, d.id, d.areaCodes.isEmpty() ? 40 : 45, "declares class " + q.classRef() + (d.areaCodes.isEmpty() ? "" : " in its area"));
                }
            }
        }
        if (found.isEmpty()) {
            sameMajor(found, departments, classes);
        }
        List<Suggestion> result = new ArrayList<>();
        found.forEach((id, scored) -> {
            Department d = departments.get(id);
            if (d != null) {
                result.add(new Suggestion(id, d.code, d.name, scored.score, List.copyOf(scored.reasons)));
            }
        });
        result.sort(Comparator.comparingInt(Suggestion::score).reversed().thenComparing(Suggestion::code));
        return result;
    }

    /** The case's class and its equivalents in the other code system. */
    static Set<String> classesOf(String ref) {
        Set<String> refs = new HashSet<>();
        if (ref != null) {
            refs.add(ref);
            refs.addAll(ClassMapping.counterparts(ref)); // both directions, kept in memory
        }
        return refs;
    }

    /**
     * The last resort for a class no department declares (e.g. GB/T 47678.5 09009 机动车乱停放 with no legacy
     * counterpart): departments declaring a class of the same major in the same code system (20).
     */
    private static void sameMajor(Map<Long, Scored> found, Map<Long, Department> departments, Set<String> classes) {
        Set<String> majors = new HashSet<>();
        classes.forEach(ref -> majors.add(major(ref)));
        for (Department d : departments.values()) {
            d.classCodes.stream().filter(ref -> majors.contains(major(ref))).findFirst()
                    .ifPresent(ref -> add(found, d.id, 20, "declares " + ref + " of the same major"));
        }
    }

    /** {@code incident:09009} → {@code incident:09/5}: kind, major and code length (the system). */
    static String major(String ref) {
        int colon = ref.indexOf(':');
        return colon < 0 || ref.length() < colon + 3 ? ref : ref.substring(0, colon + 3) + "/" + (ref.length() - colon - 1);
    }

    private static void component(Map<Long, Scored> found, Long departmentId, int score, String reason) {
        if (departmentId != null) {
            add(found, departmentId, score, reason);
        }
    }

    private static void add(Map<Long, Scored> found, Long departmentId, int score, String reason) {
        Scored scored = found.computeIfAbsent(departmentId, id -> new Scored());
        scored.score = Math.max(scored.score, score);
        scored.reasons.add(reason);
    }

    private static final class Scored {
        int score;
        final List<String> reasons = new ArrayList<>();
    }
}
