package org.civicgrid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.civicgrid.catalog.CatalogViews.RejectedRow;
import org.civicgrid.catalog.CatalogViews.StandardForm;
import org.civicgrid.web.Problem;
import org.junit.jupiter.api.Test;

/** Filing standards as CSV: quoted commas, refused rows with their line, a bad header, and a round trip. */
class FilingStandardCsvTest {

    private static final String HEADER = String.join(",", FilingStandardCsv.COLUMNS) + "\n";

    @Test
    void aBadRowIsRefusedWithItsLineAndTheOthersAreRead() {
        String csv = HEADER
                + "0101,上水井盖,\"破损,超过25c㎡\",4,work_hour,更换或修复,component,公用设施,4小时,,\n"
                + "0102,污水井盖,破损,abc,work_hour,,component,,,,\n"
                + "\n"
                + "0110,暴露垃圾,\"多行\n条件\",2,work_day,清除,event,市容环境,,,\n"
                + "0199,x,条件,1,work_day,,planet,,,,\n"
                + "01001,供水井盖,条件,1,work_day,,component,,,,,extra\n";
        FilingStandardCsv.Parsed parsed = FilingStandardCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new StandardForm("component:0101", "破损,超过25c㎡", 4, "work_hour", "更换或修复", "", null),
                new StandardForm("incident:0110", "多行\n条件", 2, "work_day", "清除", "", null)),
                parsed.rows().stream().map(FilingStandardCsv.Row::form).toList());
        assertEquals(List.of(2L, 5L), parsed.rows().stream().map(FilingStandardCsv.Row::line).toList());
        List<RejectedRow> rejected = parsed.rejected();
        assertEquals(List.of(3L, 7L, 8L), rejected.stream().map(RejectedRow::line).toList());
        assertTrue(rejected.get(0).reason().startsWith("time_limit_value"), rejected.get(0).reason());
        assertTrue(rejected.get(1).reason().startsWith("kind"), rejected.get(1).reason());
        assertTrue(rejected.get(2).reason().contains("12 columns"), rejected.get(2).reason());
    }

    @Test
    void aByteOrderMarkAndColumnsInAnyOrderAreAccepted() {
        String csv = "\uFEFFkind,class_code,time_limit_unit,time_limit_value,condition\r\nevent,06010,work_hour,4,暴露垃圾\r\n";
        FilingStandardCsv.Parsed parsed = FilingStandardCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new StandardForm("incident:06010", "暴露垃圾", 4, "work_hour", "", "", null)),
                parsed.rows().stream().map(FilingStandardCsv.Row::form).toList());
    }

    @Test
    void aFileSavedByChineseExcelIsReadAsGb18030() {
        String csv = "kind,class_code,condition,time_limit_value,time_limit_unit\ncomponent,0101,井盖缺失,2,urgent_hour\n";
        FilingStandardCsv.Parsed parsed = FilingStandardCsv.parse(csv.getBytes(java.nio.charset.Charset.forName("GB18030")));
        assertEquals("井盖缺失", parsed.rows().get(0).form().condition());
    }

    @Test
    void anUnclosedQuoteStopsReadingButKeepsTheRowsBefore() {
        String csv = HEADER + "0101,上水井盖,缺失,2,urgent_hour,恢复,component,,,,\n0102,污水井盖,\"缺失,2,urgent_hour,恢复,component,,,,\n";
        FilingStandardCsv.Parsed parsed = FilingStandardCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(1, parsed.rows().size());
        assertEquals(1, parsed.rejected().size());
        assertEquals(3L, parsed.rejected().get(0).line());
    }

    @Test
    void aHeaderWithoutTheRequiredColumnsIsRefusedAsAWhole() {
        Problem problem = assertThrows(Problem.class, () -> FilingStandardCsv.parse("code,name\n0101,x\n".getBytes(StandardCharsets.UTF_8)));
        assertEquals("csv", problem.field());
        assertEquals("csv", assertThrows(Problem.class, () -> FilingStandardCsv.parse(new byte[0])).field());
    }

    @Test
    void writtenStandardsReadBackTheSame() {
        CaseClass component = caseClass("component:0101", ClassKind.COMPONENT, "0101", "上水井盖", "公用设施");
        CaseClass incident = caseClass("incident:0110", ClassKind.INCIDENT, "0110", "暴露垃圾", "市容环境");
        FilingStandard quoted = standard("component:0101", "破损,超过25c㎡ \"大\"", 4, "work_hour", "更换或修复", null);
        FilingStandard event = standard("incident:0110", "暴露垃圾", 1, "natural_day", null, "按来源系统解析");
        String csv = FilingStandardCsv.write(List.of(quoted, event), Map.of(component.ref, component, incident.ref, incident));
        assertTrue(csv.startsWith(HEADER), csv);
        assertTrue(csv.contains(",event,市容环境,"), "incidents are written with the reference tables' word: " + csv);
        FilingStandardCsv.Parsed parsed = FilingStandardCsv.parse(csv.getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(new StandardForm("component:0101", "破损,超过25c㎡ \"大\"", 4, "work_hour", "更换或修复", "", null),
                new StandardForm("incident:0110", "暴露垃圾", 1, "natural_day", "", "按来源系统解析", null)),
                parsed.rows().stream().map(FilingStandardCsv.Row::form).toList());
    }

    private static CaseClass caseClass(String ref, ClassKind kind, String code, String name, String majorName) {
        CaseClass c = new CaseClass();
        c.ref = ref;
        c.system = ClassSystem.LEGACY;
        c.kind = kind;
        c.code = code;
        c.majorCode = code.substring(0, 2);
        c.minorCode = code.substring(2);
        c.name = name;
        c.majorName = majorName;
        return c;
    }

    private static FilingStandard standard(String ref, String condition, int value, String unit, String closing, String note) {
        FilingStandard s = new FilingStandard();
        s.classRef = ref;
        s.condition = condition;
        s.limitValue = value;
        s.limitUnit = unit;
        s.closingCondition = closing;
        s.note = note;
        return s;
    }
}
