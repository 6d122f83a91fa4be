package org.civicgrid.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.demo.DemoConfig;
import org.jboss.logging.Logger;

/**
 * 默认立案标准 — no class may be unfileable: a class with no filing standard of its own and none through the
 * legacy → GB/T 47678.5 mapping gets one clearly marked default (立案条件, 5 工作日, a 结案条件), which the admin edits
 * on the catalog page. Written on every start after the seed (priority 550 &gt; 500) for classes that never had a
 * standard row, and when the admin adds a local class; a standard the admin deactivated is not written again.
 */
@ApplicationScoped
public class DefaultStandards {

    private static final Logger LOG = Logger.getLogger(DefaultStandards.class);

    /** The default's 立案条件 (seed data, in the standard's language like the shipped 运城 rows). */
    public static final String CONDITION = "经核实存在本类问题、需要处置的（默认立案条件，待管理员核定）";
    static final String CLOSING = "问题已处置完毕，现场恢复正常";
    static final String NOTE = "默认立案标准：本类尚无立案标准，也无新旧编码对照的标准；请在分类管理中核定条件和时限";
    static final int LIMIT_VALUE = 5;
    static final String LIMIT_UNIT = "work_day";

    private final ApplianceConfig appliance;
    private final DemoConfig demo;

    DefaultStandards(ApplianceConfig appliance, DemoConfig demo) {
        this.appliance = appliance;
        this.demo = demo;
    }

    void onStart(@Observes @Priority(550) StartupEvent event) {
        if (!(appliance.demo() && demo.background())) { // else the background demo preparation runs it after the catalog
            seedMissing();
        }
    }

    /** Writes the default standard of every class without one, in its own transaction. */
    public static void seedMissing() {
        int written = QuarkusTransaction.requiringNew().call(DefaultStandards::writeMissing);
        if (written > 0) {
            LOG.infof("default filing standards written for %d classes that had none", written);
        }
    }

    /** Writes the default for every class without a standard (own or mapped); returns how many were written. */
    static int writeMissing() {
        Set<String> withRows = new HashSet<>();
        Set<String> withActive = new HashSet<>();
        for (FilingStandard s : FilingStandard.<FilingStandard>listAll()) {
            withRows.add(s.classRef);
            if (s.active) {
                withActive.add(s.classRef);
            }
        }
        Map<String, Set<String>> counterparts = new HashMap<>();
        for (ClassMapping m : ClassMapping.<ClassMapping>listAll()) {
            counterparts.computeIfAbsent(m.legacyRef, k -> new HashSet<>()).add(m.gbRef);
            counterparts.computeIfAbsent(m.gbRef, k -> new HashSet<>()).add(m.legacyRef);
        }
        int written = 0;
        for (CaseClass c : CaseClass.<CaseClass>list("active = true")) {
            boolean mapped = counterparts.getOrDefault(c.ref, Set.of()).stream().anyMatch(withActive::contains);
            if (!withRows.contains(c.ref) && !mapped) {
                persistDefault(c.ref);
                written++;
            }
        }
        return written;
    }

    /** Writes the default standard of one class if it has no standard at all (own or mapped). */
    static void ensure(String ref) {
        if (FilingStandard.count("classRef", ref) == 0 && FilingStandard.forClass(ref).isEmpty()) {
            persistDefault(ref);
        }
    }

    private static void persistDefault(String ref) {
        FilingStandard s = new FilingStandard();
        s.classRef = ref;
        s.condition = CONDITION;
        s.limitValue = LIMIT_VALUE;
        s.limitUnit = LIMIT_UNIT;
        s.closingCondition = CLOSING;
        s.note = NOTE;
        s.defaultStandard = true;
        s.persist();
    }

    /** The classes among {@code refs} whose only standards are defaults (the 立案 form offers 改类 next to them). */
    public static boolean onlyDefault(List<FilingStandard> standards) {
        return !standards.isEmpty() && standards.stream().allMatch(s -> s.defaultStandard);
    }
}
