package org.civicgrid.catalog;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.civicgrid.appliance.SiteSetting;

/**
 * 启用编码体系 — the code system this site works in: every class picker shows that system's classes only, each once with
 * its Chinese name and the other system's codes as an alias; the API and MQTT still accept both. New sites start in
 * GB/T 47678.5 (no stored setting); the V40 migration kept sites that already had a catalog on the legacy codes.
 */
@ApplicationScoped
public class CodeSystems {

    /** The {@code site_setting} key holding {@code LEGACY} or {@code GBT47678}. */
    public static final String SETTING = "catalog.code-system";

    /**
     * 分类选项 — one class as a picker shows it: reference, code, name, major and the other system's codes
     * ({@code alias}, e.g. {@code 0102} for {@code component:01002}).
     */
    public record PickOption(String ref, String code, String name, String majorName, ClassKind kind, String alias) {

        /** {@code 污水井盖 01002（0102）}: name, code and the alias in brackets. */
        public String label() {
            return name + " " + code + (alias.isEmpty() ? "" : "（" + alias + "）");
        }
    }

    /** 分类分组 — one optgroup of the class picker ({@code tags/classPicker.html}): a major's name and its classes. */
    public record PickGroup(String label, List<PickOption> classes) {
    }

    private final Clock clock;

    CodeSystems(Clock clock) {
        this.clock = clock;
    }

    /** The active system; GB/T 47678.5 unless the site chose otherwise. */
    public static ClassSystem active() {
        return SiteSetting.get(SETTING).map(v -> v.trim().equalsIgnoreCase("LEGACY") ? ClassSystem.LEGACY : ClassSystem.GBT47678)
                .orElse(ClassSystem.GBT47678);
    }

    @Transactional
    public void choose(String value) {
        SiteSetting.put(SETTING, ClassSystem.parse("system", value).name(), clock.instant());
    }

    /** The active classes of the active system, in code order (components first), each with its alias. */
    public static List<PickOption> options() {
        ClassSystem system = active();
        Map<String, TreeSet<String>> aliases = new HashMap<>();
        Map<String, String> codes = new HashMap<>();
        CaseClass.<CaseClass>listAll().forEach(c -> codes.put(c.ref, c.code));
        for (ClassMapping m : ClassMapping.<ClassMapping>listAll()) {
            String own = system == ClassSystem.LEGACY ? m.legacyRef : m.gbRef;
            String other = system == ClassSystem.LEGACY ? m.gbRef : m.legacyRef;
            aliases.computeIfAbsent(own, k -> new TreeSet<>()).add(codes.getOrDefault(other, other));
        }
        List<PickOption> options = new ArrayList<>();
        for (CaseClass c : CaseClass.<CaseClass>list("active = true and system = ?1 order by kind, majorCode, code", system)) {
            options.add(new PickOption(c.ref, c.code, c.name, c.majorName, c.kind,
                    String.join("/", aliases.getOrDefault(c.ref, new TreeSet<>()))));
        }
        return options;
    }

    /** The active system's classes grouped by major, in code order, for the class picker. */
    public static List<PickGroup> groups() {
        Map<String, List<PickOption>> groups = new java.util.LinkedHashMap<>();
        options().forEach(o -> groups.computeIfAbsent(o.majorName(), k -> new ArrayList<>()).add(o));
        return groups.entrySet().stream().map(e -> new PickGroup(e.getKey(), e.getValue())).toList();
    }

    /**
     * The class in the active system for a reference written in either (a fixed mapping such as the portal's plain
     * problems): its first counterpart through the mapping when it is of the other system, else the reference itself.
     */
    public static String inActiveSystem(String ref) {
        ClassSystem active = active();
        return CaseClass.byRef(ref).filter(c -> c.system != active)
                .flatMap(c -> ClassMapping.counterparts(ref).stream().findFirst()).orElse(ref);
    }
}
