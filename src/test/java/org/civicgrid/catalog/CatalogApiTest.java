package org.civicgrid.catalog;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.civicgrid.testsupport.Api;
import org.junit.jupiter.api.Test;

/**
 * The class catalog and filing standards through the API: the picker tree, admin-only changes, local codes counted
 * down from 99, checked filing standards and a CSV import that reports a bad row and keeps the good ones. Tests add
 * data with names unique to the run, so they also pass on a store kept from an earlier run.
 */
@QuarkusTest
class CatalogApiTest {

    private static final String RUN = Long.toString(System.nanoTime(), 36);
    private static final String HEADER = "class_code,class_name,condition,time_limit_value,time_limit_unit,closing_condition,kind,major_name,"
            + "time_limit_raw,time_limit_alt_version,note\n";

    @Test
    void thePickerListsClassesByMajor() {
        Api.as("inspector").when().get("/api/catalog/classes?system=legacy&kind=component").then().statusCode(200)
                .body("[0].system", equalTo("LEGACY")).body("[0].kind", equalTo("COMPONENT"))
                .body("[0].majorCode", equalTo("01")).body("[0].majorName", equalTo("公用设施"))
                .body("[0].classes[0].ref", equalTo("component:0101")).body("[0].classes[0].name", equalTo("上水井盖"))
                .body("majorCode", equalTo(List.of("01", "02", "03", "04", "05")));
        Api.as("inspector").when().get("/api/catalog/classes?system=gbt47678&kind=incident").then().statusCode(200)
                .body("majorCode", hasItem("06")).body("majorCode", everyItem(org.hamcrest.Matchers.greaterThanOrEqualTo("06")))
                .body("find { it.majorCode == '06' }.classes.find { it.code == '06010' }.name", equalTo("暴露垃圾"));
        Api.as("inspector").when().get("/api/catalog/classes?system=legacy&q=井盖").then().statusCode(200)
                .body("classes.flatten().name", everyItem(containsString("井盖")))
                .body("classes.flatten().ref", hasItem("component:0101"));
        Api.as("inspector").when().get("/api/catalog/classes?q=incident:0101").then().statusCode(200)
                .body("classes.flatten().name", equalTo(List.of("私搭乱建")));
        Api.as("inspector").when().get("/api/catalog/classes?system=cjt214").then().statusCode(400).body("field", equalTo("system"));
        Api.as("inspector").when().get("/api/catalog/classes?kind=thing").then().statusCode(400).body("field", equalTo("kind"));
        Api.anonymous().when().get("/api/catalog/classes").then().statusCode(401);
    }

    @Test
    void aClassComesWithItsStandardsAndMapping() {
        Api.as("inspector").when().get("/api/catalog/classes/component:0101").then().statusCode(200)
                .body("name", equalTo("上水井盖")).body("system", equalTo("LEGACY")).body("local", equalTo(false))
                .body("standards.condition", hasItem("缺失、移位、开裂，存在安全隐患的"))
                .body("standards.find { it.condition == '缺失、移位、开裂，存在安全隐患的' }.limitValue", equalTo(2))
                .body("standards.find { it.condition == '缺失、移位、开裂，存在安全隐患的' }.limitUnit", equalTo("urgent_hour"))
                .body("mapsTo", equalTo(List.of(Map.of("ref", "component:01001", "name", "供水井盖", "match", "same_minor"))));
        Api.as("inspector").when().get("/api/catalog/classes/component:01001").then().statusCode(200)
                .body("system", equalTo("GBT47678")).body("mappedFrom.ref", equalTo(List.of("component:0101")));
        Api.as("inspector").when().get("/api/catalog/classes/incident:0101").then().statusCode(200)
                .body("name", equalTo("私搭乱建")).body("mapsTo.ref", equalTo(List.of("incident:06001")));
        Api.as("inspector").when().get("/api/catalog/classes/component:0000").then().statusCode(404).body("error", equalTo("not_found"));
    }

    @Test
    void onlyAdminsChangeTheCatalog() {
        Api.as("inspector").body(Map.of("system", "legacy", "kind", "component", "majorCode", "01", "name", "x"))
                .when().post("/api/catalog/classes").then().statusCode(403);
        Api.as("inspector").body(standard("component:0101", "x", 1, "work_day")).when().post("/api/filing-standards").then().statusCode(403);
        Api.as("inspector").body(standard("component:0101", "x", 1, "work_day")).when().put("/api/filing-standards/1").then().statusCode(403);
        Api.as("inspector").contentType("text/csv").body(HEADER).when().post("/api/filing-standards/import").then().statusCode(403);
        Api.as("inspector").accept("text/csv").when().get("/api/filing-standards/export.csv").then().statusCode(403);
        Api.as("inspector").when().get("/api/filing-standards?classRef=component:0101").then().statusCode(200);
    }

    @Test
    void localClassesAreNumberedDownFrom99() {
        String major = unusedMajor("legacy", "incident");
        Api.as("admin").body(Map.of("system", "legacy", "kind", "incident", "majorCode", major, "name", "测试甲" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(400).body("field", equalTo("majorName"));
        Api.as("admin").body(Map.of("system", "legacy", "kind", "incident", "majorCode", major, "majorName", "本地大类", "name", "测试甲" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(201)
                .header("Location", containsString("/api/catalog/classes/incident:" + major + "99"))
                .body("ref", equalTo("incident:" + major + "99")).body("local", equalTo(true));
        Api.as("admin").body(Map.of("system", "legacy", "kind", "incident", "majorCode", major, "name", "测试乙" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(201).body("ref", equalTo("incident:" + major + "98"));
        Api.as("admin").body(Map.of("system", "legacy", "kind", "incident", "majorCode", major, "name", "测试乙" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(409).body("error", equalTo("duplicate"));
        Api.as("inspector").when().get("/api/catalog/classes/incident:" + major + "98").then().statusCode(200)
                .body("majorName", equalTo("本地大类")).body("local", equalTo(true)).body("code", equalTo(major + "98"));
    }

    @Test
    void localCodesSkipCodesInUse() {
        Set<String> used = minors("legacy", "component", "01");
        String expected = IntStream.iterate(99, n -> n - 1).mapToObj(n -> String.format("%02d", n)).filter(m -> !used.contains(m)).findFirst().orElseThrow();
        assertTrue(used.contains("99"), "运城 0199 爱心驿站 is a local code already");
        Api.as("admin").body(Map.of("system", "legacy", "kind", "component", "majorCode", "01", "name", "共享充电桩" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(201).body("ref", equalTo("component:01" + expected));
        Api.as("admin").body(Map.of("system", "gbt47678", "kind", "component", "majorCode", "05", "name", "智能垃圾箱" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(201).body("ref", startsWith("component:059"))
                .body("code", org.hamcrest.Matchers.hasLength(5));
        Api.as("admin").body(Map.of("system", "gbt47678", "kind", "incident", "majorCode", "01", "name", "x" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(400).body("field", equalTo("kind"));
        Api.as("admin").body(Map.of("system", "legacy", "kind", "component", "majorCode", "1", "name", "x" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(400).body("field", equalTo("majorCode"));
        Api.as("admin").body(Map.of("system", "gb", "kind", "component", "majorCode", "01", "name", "x" + RUN))
                .when().post("/api/catalog/classes").then().statusCode(400).body("field", equalTo("system"));
    }

    @Test
    void filingStandardsAreCheckedFieldByField() {
        String condition = "测试条件" + RUN;
        int id = Api.as("admin").body(standard("incident:06010", condition, 4, "work_hour")).when().post("/api/filing-standards")
                .then().statusCode(201).header("Location", containsString("/api/filing-standards/"))
                .body("classRef", equalTo("incident:06010")).body("limitValue", equalTo(4)).body("active", equalTo(true)).extract().path("id");
        Map<String, Object> changed = standard("incident:06010", condition, 2, "urgent_hour");
        changed.put("closingCondition", "清除");
        Api.as("admin").body(changed).when().put("/api/filing-standards/" + id).then().statusCode(200)
                .body("limitValue", equalTo(2)).body("limitUnit", equalTo("urgent_hour")).body("closingCondition", equalTo("清除"));
        Api.as("inspector").when().get("/api/filing-standards?classRef=incident:06010").then().statusCode(200)
                .body("find { it.id == " + id + " }.limitUnit", equalTo("urgent_hour"));
        expectField(standard("incident:0000", condition, 1, "work_day"), "classRef");
        expectField(standard(null, condition, 1, "work_day"), "classRef");
        expectField(standard("incident:06010", "  ", 1, "work_day"), "condition");
        expectField(standard("incident:06010", condition + "b", 0, "work_day"), "limitValue");
        expectField(standard("incident:06010", condition + "b", 1000, "work_day"), "limitValue");
        expectField(standard("incident:06010", condition + "b", null, "work_day"), "limitValue");
        expectField(standard("incident:06010", condition + "b", 1, "hour"), "limitUnit");
        Api.as("admin").body(standard("incident:06010", condition, 1, "work_day")).when().post("/api/filing-standards").then().statusCode(409);
        Api.as("admin").body(standard("incident:06010", condition, 1, "work_day")).when().put("/api/filing-standards/999999").then().statusCode(404);
        Api.as("inspector").when().get("/api/filing-standards?classRef=incident:0000").then().statusCode(400).body("field", equalTo("classRef"));
    }

    @Test
    void aCsvImportReportsTheBadRowAndKeepsTheGoodOnes() {
        int before = Api.as("admin").when().get("/api/filing-standards").then().extract().path("size()");
        String csv = HEADER
                + "06011,积存垃圾渣土,\"积存,超过1立方米" + RUN + "\",4,work_hour,清除,event,市容环境类,,,\n"
                + "06011,积存垃圾渣土,坏行" + RUN + ",4,hours,清除,event,市容环境类,,,\n"
                + "01002,污水井盖,缺失" + RUN + ",2,urgent_hour,恢复,component,市政公用设施,,,\n";
        Api.as("admin").contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/filing-standards/import").then().statusCode(200)
                .body("imported", equalTo(2)).body("updated", equalTo(0))
                .body("rejected", hasSize(1)).body("rejected[0].line", equalTo(3))
                .body("rejected[0].reason", startsWith("time_limit_unit"));
        Api.as("admin").when().get("/api/filing-standards").then().body("size()", equalTo(before + 2));
        Api.as("admin").when().get("/api/filing-standards?classRef=incident:06011").then()
                .body("condition", hasItem("积存,超过1立方米" + RUN));
        String again = HEADER + "01002,污水井盖,缺失" + RUN + ",3,urgent_hour,,component,,,,\n"
                + "06011,积存垃圾渣土,\"积存,超过1立方米" + RUN + "\",4,work_hour,清除,event,,,,\n";
        Api.as("admin").contentType("text/csv; charset=UTF-8").body(again).when().post("/api/filing-standards/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("updated", equalTo(1)).body("unchanged", equalTo(1)).body("rejected", empty());
        Api.as("admin").when().get("/api/filing-standards?classRef=component:01002").then()
                .body("find { it.condition == '缺失" + RUN + "' }.limitValue", equalTo(3))
                .body("find { it.condition == '缺失" + RUN + "' }.closingCondition", equalTo("恢复"));
        Api.as("admin").contentType("text/csv").body("code,name\n0101,x\n").when().post("/api/filing-standards/import").then()
                .statusCode(400).body("field", equalTo("csv"));
    }

    @Test
    void theExportReadsBackAsAnImportThatChangesNothing() {
        String csv = Api.as("admin").accept("text/csv").when().get("/api/filing-standards/export.csv").then().statusCode(200)
                .contentType(containsString("text/csv")).header("Content-Disposition", containsString("filing_standards.csv"))
                .extract().asString();
        assertTrue(csv.startsWith(HEADER), csv.substring(0, 200));
        assertTrue(csv.contains("0101,上水井盖,缺失、移位、开裂，存在安全隐患的,2,urgent_hour,恢复,component,公用设施,"));
        assertTrue(csv.contains("0101,私搭乱建,"), "incidents are exported with kind event");
        int rows = Api.as("admin").contentType("text/csv; charset=UTF-8").body(csv).when().post("/api/filing-standards/import").then().statusCode(200)
                .body("imported", equalTo(0)).body("updated", equalTo(0)).body("rejected", empty()).extract().path("unchanged");
        assertTrue(rows >= 519, "every shipped standard is exported: " + rows);
    }

    private static void expectField(Map<String, Object> body, String field) {
        Api.as("admin").body(body).when().post("/api/filing-standards").then().statusCode(400)
                .body("error", equalTo("invalid_input")).body("field", equalTo(field));
    }

    private static Map<String, Object> standard(String classRef, String condition, Integer limitValue, String limitUnit) {
        Map<String, Object> body = new HashMap<>();
        body.put("classRef", classRef);
        body.put("condition", condition);
        body.put("limitValue", limitValue);
        body.put("limitUnit", limitUnit);
        return body;
    }

    private static String unusedMajor(String system, String kind) {
        List<String> majors = Api.as("admin").when().get("/api/catalog/classes?includeInactive=true&system=" + system + "&kind=" + kind)
                .then().statusCode(200).extract().path("majorCode");
        return IntStream.iterate(99, n -> n - 1).mapToObj(n -> String.format("%02d", n)).filter(m -> !majors.contains(m)).findFirst().orElseThrow();
    }

    private static Set<String> minors(String system, String kind, String major) {
        List<String> codes = Api.as("admin").when().get("/api/catalog/classes?includeInactive=true&system=" + system + "&kind=" + kind)
                .then().statusCode(200).extract().path("find { it.majorCode == '" + major + "' }.classes.code");
        assertEquals(false, codes.isEmpty());
        return codes.stream().map(c -> c.substring(2)).collect(Collectors.toSet());
    }
}
