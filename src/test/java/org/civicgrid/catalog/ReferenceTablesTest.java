package org.civicgrid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.civicgrid.catalog.CatalogViews.StandardForm;
import org.civicgrid.catalog.ReferenceTables.ClassRow;
import org.civicgrid.catalog.ReferenceTables.MappingRow;
import org.junit.jupiter.api.Test;

/** The shipped reference tables read as the reference README counts them, and the rules that turn them into refs. */
class ReferenceTablesTest {

    @Test
    void legacyClassesAre92ComponentsAnd98Incidents() {
        List<ClassRow> legacy = ReferenceTables.legacyClasses();
        assertEquals(190, legacy.size());
        assertEquals(92, legacy.stream().filter(c -> c.kind() == ClassKind.COMPONENT).count());
        assertEquals(98, legacy.stream().filter(c -> c.kind() == ClassKind.INCIDENT).count());
        Map<String, ClassRow> byRef = legacy.stream().collect(Collectors.toMap(ClassRow::ref, Function.identity()));
        assertEquals("上水井盖", byRef.get("component:0101").name());
        assertEquals("私搭乱建", byRef.get("incident:0101").name(), "legacy component and incident codes overlap");
        assertTrue(legacy.stream().allMatch(c -> c.code().equals(c.majorCode() + c.minorCode()) && c.code().length() == 4));
    }

    @Test
    void gbTablesHold153ComponentsAnd250Matters() {
        assertEquals(153, ReferenceTables.gbComponents().size());
        List<ClassRow> matters = ReferenceTables.gbMatters();
        assertEquals(250, matters.size());
        assertEquals(153, matters.stream().filter(m -> m.kind() == ClassKind.COMPONENT).count(), "majors 01-05");
        assertEquals(97, matters.stream().filter(m -> m.kind() == ClassKind.INCIDENT).count(), "majors 06-10");
    }

    @Test
    void gbClassesAreStoredOncePerRefComponentsUnderTheirComponentName() {
        List<ClassRow> gb = ReferenceTables.gbClasses();
        assertEquals(250, gb.size());
        Map<String, ClassRow> byRef = gb.stream().collect(Collectors.toMap(ClassRow::ref, Function.identity()));
        assertEquals(250, byRef.size(), "one row per ref");
        assertEquals("供水井盖", byRef.get("component:01001").name());
        assertEquals("市政公用设施", byRef.get("component:01001").majorName());
        assertEquals("暴露垃圾", byRef.get("incident:06010").name());
        assertEquals("市容环境类", byRef.get("incident:06010").majorName());
        assertTrue(gb.stream().allMatch(c -> c.code().length() == 5 && c.minorCode().length() == 3));
    }

    @Test
    void bothSystemsTogetherHaveDistinctRefs() {
        Set<String> refs = Stream.concat(ReferenceTables.legacyClasses().stream(), ReferenceTables.gbClasses().stream())
                .map(ClassRow::ref).collect(Collectors.toSet());
        assertEquals(440, refs.size());
    }

    @Test
    void everyMappingJoinsALegacyClassToAGbClass() {
        List<MappingRow> mappings = ReferenceTables.mappings();
        assertEquals(149, mappings.size());
        Set<String> legacy = ReferenceTables.legacyClasses().stream().map(ClassRow::ref).collect(Collectors.toSet());
        Set<String> gb = ReferenceTables.gbClasses().stream().map(ClassRow::ref).collect(Collectors.toSet());
        for (MappingRow m : mappings) {
            assertTrue(legacy.contains(m.legacyRef()), m.toString());
            assertTrue(gb.contains(m.gbRef()), m.toString());
        }
        assertEquals(97, mappings.stream().filter(m -> m.match().equals("exact_name")).count());
        assertTrue(mappings.contains(new MappingRow("component:0101", "component:01001", "same_minor")));
        assertTrue(mappings.contains(new MappingRow("incident:0110", "incident:06010", "same_minor")), "events are re-based 01 -> 06");
        assertTrue(mappings.contains(new MappingRow("component:0186", "incident:06049", "manual")), "a legacy component may map to a GB matter");
        assertEquals(2, mappings.stream().filter(m -> m.legacyRef().equals("component:0181")).count());
    }

    @Test
    void theShippedFilingStandardsAre519CleanRows() {
        FilingStandardCsv.Parsed parsed = FilingStandardCsv.parse(ReferenceTables.filingStandards());
        assertEquals(List.of(), parsed.rejected());
        assertEquals(519, parsed.rows().size());
        List<StandardForm> forms = parsed.rows().stream().map(FilingStandardCsv.Row::form).toList();
        assertEquals(375, forms.stream().filter(f -> f.classRef().startsWith("component:")).count());
        assertEquals(144, forms.stream().filter(f -> f.classRef().startsWith("incident:")).count());
        assertEquals(20, forms.stream().filter(f -> f.classRef().startsWith("component:") && f.limitUnit().equals("urgent_hour")).count());
        assertEquals(4, forms.stream().filter(f -> f.limitUnit().equals("natural_day")).count());
        StandardForm first = forms.get(0);
        assertEquals(new StandardForm("component:0101", "缺失、移位、开裂，存在安全隐患的", 2, "urgent_hour", "恢复", "", null), first);
        assertTrue(forms.stream().anyMatch(f -> f.classRef().equals("component:0101")
                && f.condition().equals("井盖周边路面150cm×150cm范围内出现深陷、凸起或破损,井框与路面高低差大于2cm")), "a quoted field keeps its comma");
        Set<String> legacy = ReferenceTables.legacyClasses().stream().map(ClassRow::ref).collect(Collectors.toSet());
        assertTrue(forms.stream().allMatch(f -> legacy.contains(f.classRef())));
        assertEquals(190, forms.stream().map(StandardForm::classRef).distinct().count(), "every legacy class has a standard");
    }
}
