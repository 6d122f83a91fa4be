package org.civicgrid.open311;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.civicgrid.open311.keys.Open311Keys;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;

/**
 * Open311 GeoReport v2 as outside clients use it: discovery, services and definitions in JSON and XML, form-encoded
 * POST with attributes and a key, the spec's errors, GET with filters and a stray Content-Type, status after the loop.
 */
@QuarkusTest
class GeoReportApiTest {

    private static final String BASE = "/open311/v2/";
    private static final String CLASS = "component:0101";
    private static final String ISO_OFFSET = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\+08:00";

    private static String newKey(String name) {
        return Api.as("admin").body(Map.of("name", name)).when().post("/api/open311-keys").then().statusCode(201)
                .body("key", startsWith("cg311-")).extract().path("key");
    }

    private static RequestSpecification client() {
        return given().redirects().follow(false);
    }

    /** A form as Open311 clients post it: url-encoded UTF-8. */
    private static RequestSpecification form(String key) {
        RequestSpecification spec = client().contentType("application/x-www-form-urlencoded; charset=UTF-8");
        return key == null ? spec : spec.formParam("api_key", key);
    }

    private static Document xml(Response response) throws Exception {
        assertTrue(response.contentType().startsWith("text/xml"), response.contentType());
        String body = response.asString();
        assertTrue(body.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"), body);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<String> childNames(Element element) {
        List<String> names = new ArrayList<>();
        for (Node n = element.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                names.add(e.getTagName());
            }
        }
        return names;
    }

    private static Element child(Element parent, String name) {
        return (Element) parent.getElementsByTagName(name).item(0);
    }

    private static String text(Element parent, String name) {
        return child(parent, name).getTextContent();
    }

    private static long standardId() {
        return Cases.conditionId(CLASS, "破损超过25");
    }

    /** Files a request as JSON and answers its service_request_id. */
    private static String file(String key, String description) {
        return form(key).formParam("service_code", CLASS).formParam("lat", String.valueOf(Cases.LAT)).formParam("long", String.valueOf(Cases.LON))
                .formParam("description", description).when().post(BASE + "requests.json").then().statusCode(201)
                .extract().path("[0].service_request_id");
    }

    @Test
    void discoveryNamesTheEndpointAndBothFormats() throws Exception {
        client().when().get(BASE + "discovery.json").then().statusCode(200).contentType(startsWith("application/json"))
                .body("endpoints[0].specification", equalTo("http://wiki.open311.org/GeoReport_v2"))
                .body("endpoints[0].url", containsString("/open311/v2")).body("endpoints[0].formats", hasItem("text/xml"))
                .body("endpoints[0].formats", hasItem("application/json")).body("changeset", notNullValue());
        Element root = xml(client().when().get(BASE + "discovery.xml")).getDocumentElement();
        assertEquals("discovery", root.getTagName());
        assertEquals(List.of("changeset", "contact", "key_service", "endpoints"), childNames(root));
        Element endpoint = child(child(root, "endpoints"), "endpoint");
        assertEquals(List.of("specification", "url", "changeset", "type", "formats"), childNames(endpoint));
        assertEquals(List.of("format", "format"), childNames(child(endpoint, "formats")));
    }

    @Test
    void servicesAreTheClassesWithTheirFilingConditions() throws Exception {
        client().when().get(BASE + "services.json").then().statusCode(200)
                .body("find { it.service_code == 'component:0101' }.service_name", equalTo("上水井盖"))
                .body("find { it.service_code == 'component:0101' }.group", equalTo("公用设施"))
                .body("find { it.service_code == 'component:0101' }.metadata", equalTo(true))
                .body("find { it.service_code == 'component:0101' }.type", equalTo("realtime"));
        Element services = xml(client().when().get(BASE + "services.xml")).getDocumentElement();
        assertEquals("services", services.getTagName());
        Element first = child(services, "service");
        assertEquals(List.of("service_code", "service_name", "description", "metadata", "type", "keywords", "group"), childNames(first));

        long standard = standardId();
        client().when().get(BASE + "services/" + CLASS + ".json").then().statusCode(200)
                .body("service_code", equalTo(CLASS)).body("attributes[0].code", equalTo("CONDITION"))
                .body("attributes[0].datatype", equalTo("singlevaluelist")).body("attributes[0].variable", equalTo(true))
                .body("attributes[0].values.key", hasItem(String.valueOf(standard)))
                .body("attributes[0].values.name", hasItem("破损超过25c㎡"));
        Element definition = xml(client().when().get(BASE + "services/" + CLASS + ".xml")).getDocumentElement();
        assertEquals("service_definition", definition.getTagName());
        assertEquals(List.of("service_code", "attributes"), childNames(definition));
        Element attribute = child(child(definition, "attributes"), "attribute");
        assertEquals(List.of("variable", "code", "datatype", "required", "datatype_description", "order", "description", "values"),
                childNames(attribute));
        Element value = child(child(attribute, "values"), "value");
        assertEquals(List.of("key", "name"), childNames(value));

        client().when().get(BASE + "services/component:9999.json").then().statusCode(404)
                .body("[0].code", equalTo(404)).body("[0].description", containsString("component:9999"));
    }

    @Test
    void aFormEncodedPostWithAttributesFilesAPublicCase() throws Exception {
        String key = newKey("手机应用 A");
        long standard = standardId();
        Response answer = form(key).formParam("service_code", CLASS).formParam("lat", "35.6601").formParam("long", "117.2601")
                .formParam("attribute[CONDITION]", String.valueOf(standard)).formParam("media_url", "https://example.org/p/1.jpg")
                .formParam("email", "wang@example.org").formParam("first_name", "小明").formParam("last_name", "王")
                .formParam("phone", "13800000001").formParam("description", "人行道井盖破了一个洞").formParam("device_id", "dev-1")
                .formParam("account_id", "acct-9").when().post(BASE + "requests.json");
        answer.then().statusCode(201).contentType(startsWith("application/json")).body("$", hasSize(1))
                .body("[0].service_request_id", notNullValue()).body("[0].token", notNullValue()).body("[0].account_id", equalTo("acct-9"));
        String number = answer.path("[0].service_request_id");
        String token = answer.path("[0].token");

        // the case: PUBLIC, the class, the caller as reporter, the chosen situation in the description
        Map<String, Object> found = Api.as("acceptor").queryParam("q", number).when().get("/api/cases").then().statusCode(200)
                .body("total", equalTo(1)).extract().path("items[0]");
        long id = ((Number) found.get("id")).longValue();
        Cases.get("acceptor", id).body("source", equalTo("PUBLIC")).body("classCode", equalTo(CLASS)).body("stage", equalTo("REPORTED"))
                .body("reporterName", equalTo("王小明")).body("reporterPhone", equalTo("13800000001"))
                .body("description", containsString("人行道井盖破了一个洞")).body("description", containsString("破损超过25"))
                .body("history[0].actor", equalTo("Open311 · 手机应用 A"));

        client().when().get(BASE + "tokens/" + token + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(number)).body("[0].token", equalTo(token));
        Element tokens = xml(client().when().get(BASE + "tokens/" + token + ".xml")).getDocumentElement();
        assertEquals("service_requests", tokens.getTagName());
        assertEquals(number, text(child(tokens, "request"), "service_request_id"));

        // as the public sees it before the acceptor has looked at it: status only, no text, no place, no personal data
        Response asXml = client().when().get(BASE + "requests/" + number + ".xml");
        Element request = child(xml(asXml).getDocumentElement(), "request");
        assertEquals(List.of("service_request_id", "status", "status_notes", "service_name", "service_code", "description",
                "agency_responsible", "service_notice", "requested_datetime", "updated_datetime", "expected_datetime", "address",
                "address_id", "zipcode", "lat", "long", "media_url"), childNames(request));
        assertEquals("open", text(request, "status"));
        assertEquals("待受理", text(request, "status_notes"));
        assertEquals("", text(request, "description"));
        assertTrue(text(request, "requested_datetime").matches(ISO_OFFSET), text(request, "requested_datetime"));
        for (String personal : List.of("13800000001", "wang@example.org", "小明", "dev-1")) {
            assertFalse(asXml.asString().contains(personal), "no " + personal + " in " + asXml.asString());
        }

        // once accepted, still only what the portal would show (issue 17): the street/community, never the reporter's
        // own words (nothing was published for it), the exact point or the photo link
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        String accepted = client().when().get(BASE + "requests/" + number + ".json").then().statusCode(200)
                .body("[0].description", nullValue()).body("[0].lat", nullValue()).body("[0].long", nullValue())
                .body("[0].media_url", nullValue()).body("[0].address", notNullValue())
                .body("[0].status_notes", equalTo("待立案")).body("[0].service_name", equalTo("上水井盖")).extract().asString();
        for (String hidden : List.of("人行道井盖破了一个洞", "35.6601", "example.org", "13800000001", "小明")) {
            assertFalse(accepted.contains(hidden), "no " + hidden + " in " + accepted);
        }
        Api.as("admin").when().get("/api/open311-keys").then().statusCode(200)
                .body("find { it.name == '手机应用 A' }.lastUsedAt", notNullValue()).body("find { it.name == '手机应用 A' }.key", nullValue());
    }

    @Test
    void anAddressStringIsPlacedThroughTheGazetteerAndAnsweredInXml() throws Exception {
        String key = newKey("12345 平台");
        Response answer = form(key).formParam("service_code", CLASS).formParam("address_string", "县人民医院")
                .formParam("description", "医院门口井盖缺失").when().post(BASE + "requests.xml");
        assertEquals(201, answer.statusCode());
        Element root = xml(answer).getDocumentElement();
        assertEquals("service_requests", root.getTagName());
        Element request = child(root, "request");
        assertEquals(List.of("service_request_id", "token", "service_notice", "account_id"), childNames(request));
        String number = text(request, "service_request_id");
        Map<String, Object> item = Api.as("acceptor").queryParam("q", number).when().get("/api/cases").then().statusCode(200)
                .extract().path("items[0]");
        assertEquals(35.66464, ((Number) item.get("lat")).doubleValue(), 1e-5);
        assertEquals(117.273111, ((Number) item.get("lon")).doubleValue(), 1e-5);
        assertTrue(String.valueOf(item.get("address")).contains("人民路150号"), String.valueOf(item.get("address")));
    }

    @Test
    void badInputAnswersInTheSpecsErrorShape() throws Exception {
        String key = newKey("错误测试");
        form(key).formParam("service_code", "component:9999").formParam("lat", "35.66").formParam("long", "117.26")
                .when().post(BASE + "requests.json").then().statusCode(400).contentType(startsWith("application/json"))
                .body("$", hasSize(1)).body("[0].code", equalTo(400)).body("[0].description", containsString("service_code"));
        Response xmlError = form(key).formParam("service_code", "component:9999").formParam("lat", "35.66").formParam("long", "117.26")
                .when().post(BASE + "requests.xml");
        assertEquals(400, xmlError.statusCode());
        Element errors = xml(xmlError).getDocumentElement();
        assertEquals("errors", errors.getTagName());
        Element error = child(errors, "error");
        assertEquals(List.of("code", "description"), childNames(error));
        assertEquals("400", text(error, "code"));

        form(key).formParam("service_code", CLASS).formParam("description", "没有位置").when().post(BASE + "requests.json").then()
                .statusCode(400).body("[0].code", equalTo(400)).body("[0].description", containsString("location"));
        key = newKey("错误测试 2"); // at most 5 posts a key in tests
        form(key).formParam("service_code", CLASS).formParam("address_string", "不存在的火星路").when().post(BASE + "requests.json").then()
                .statusCode(400).body("[0].description", containsString("address_string"));
        form(key).formParam("service_code", CLASS).formParam("lat", "1.0").formParam("long", "2.0").when().post(BASE + "requests.json")
                .then().statusCode(400).body("[0].description", containsString("outside the county"));
        form(key).formParam("service_code", CLASS).formParam("lat", "35.66").formParam("long", "117.26")
                .formParam("attribute[CONDITION]", "999999").when().post(BASE + "requests.json").then().statusCode(400)
                .body("[0].description", containsString("attribute[CONDITION]"));
        client().when().get(BASE + "requests/209901019999.json").then().statusCode(404).body("[0].code", equalTo(404));
        client().when().get(BASE + "requests.json?start_date=yesterday").then().statusCode(400).body("[0].description", containsString("start_date"));
        client().when().get(BASE + "services.csv").then().statusCode(404);
    }

    @Test
    void aBadMissingOrRevokedKeyIsA403() throws Exception {
        form("not-a-key").formParam("service_code", CLASS).formParam("lat", "35.66").formParam("long", "117.26")
                .when().post(BASE + "requests.json").then().statusCode(403).body("[0].code", equalTo(403))
                .body("[0].description", containsString("api_key"));
        Response xmlError = form(null).formParam("service_code", CLASS).formParam("lat", "35.66").formParam("long", "117.26")
                .when().post(BASE + "requests.xml");
        assertEquals(403, xmlError.statusCode());
        Element error = child(xml(xmlError).getDocumentElement(), "error");
        assertEquals("403", text(error, "code"));
        assertTrue(text(error, "description").contains("api_key"));

        String key = newKey("将被吊销");
        file(key, "吊销前提交");
        List<Map<String, Object>> keys = Api.as("admin").when().get("/api/open311-keys").then().statusCode(200).extract().jsonPath().getList("$");
        long id = keys.stream().filter(k -> "将被吊销".equals(k.get("name"))).mapToLong(k -> ((Number) k.get("id")).longValue())
                .max().orElseThrow(); // the key just made: a store kept from an earlier run may hold one of that name
        Api.as("admin").when().delete("/api/open311-keys/" + id).then().statusCode(200).body("active", equalTo(false));
        form(key).formParam("service_code", CLASS).formParam("lat", "35.66").formParam("long", "117.26")
                .when().post(BASE + "requests.json").then().statusCode(403);
    }

    @Test
    void theDemoKeyWorksInDemoMode() {
        file(Open311Keys.DEMO_KEY, "演示密钥提交");
    }

    @Test
    void postsPerKeyAreLimited() {
        String key = newKey("限流测试");
        for (int i = 0; i < 5; i++) {
            form(key).formParam("service_code", "none").when().post(BASE + "requests.json").then().statusCode(400);
        }
        form(key).formParam("service_code", CLASS).formParam("lat", "35.66").formParam("long", "117.26")
                .when().post(BASE + "requests.json").then().statusCode(429).body("[0].code", equalTo(429));
        file(newKey("另一个客户端"), "另一把密钥不受影响");
    }

    @Test
    void getsIgnoreAContentTypeHeaderAndFilter() throws Exception {
        String key = newKey("过滤测试");
        String first = file(key, "第一件");
        String second = file(key, "第二件");
        Response services = client().contentType("text/xml").when().get(BASE + "services.xml");
        assertEquals(200, services.statusCode());
        assertEquals("services", xml(services).getDocumentElement().getTagName());
        Response listed = client().contentType("text/xml").queryParam("service_request_id", first + "," + second).when().get(BASE + "requests.xml");
        assertEquals(200, listed.statusCode());
        Element root = xml(listed).getDocumentElement();
        assertEquals("service_requests", root.getTagName());
        assertEquals(2, root.getElementsByTagName("request").getLength());
        client().contentType("text/xml").when().get(BASE + "requests/" + first + ".json").then().statusCode(200)
                .body("[0].service_request_id", equalTo(first));

        client().queryParam("service_code", CLASS).queryParam("status", "open").when().get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", hasItem(first)).body("service_request_id", hasItem(second))
                .body("service_code", not(hasItem("incident:0110")));
        client().queryParam("service_code", CLASS).queryParam("status", "closed").when().get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", not(hasItem(first)));
        client().queryParam("status", "pending").when().get(BASE + "requests.json").then().statusCode(400);
        client().queryParam("start_date", "2099-01-01T00:00:00+08:00").when().get(BASE + "requests.json").then().statusCode(200)
                .body("$", hasSize(0));
        client().queryParam("end_date", "2000-01-01T00:00:00Z").when().get(BASE + "requests.json").then().statusCode(200)
                .body("$", hasSize(0));
        client().queryParam("start_date", "2000-01-01T00:00:00+08:00").queryParam("end_date", "2099-01-01T00:00:00+08:00")
                .queryParam("service_code", CLASS).when().get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", hasItem(first));
        Element none = xml(client().queryParam("start_date", "2099-01-01T00:00:00+08:00").when().get(BASE + "requests.xml")).getDocumentElement();
        assertEquals("service_requests", none.getTagName());
        assertEquals(List.of(), childNames(none));
    }

    @Test
    void theStatusFollowsTheLoopUntilClosed() {
        String number = file(newKey("状态测试"), "井盖破损，请处理");
        long id = ((Number) Api.as("acceptor").queryParam("q", number).when().get("/api/cases").then().extract().path("items[0].id")).longValue();
        long gongshui = Cases.departmentId("gongshui");
        String gongshuiName = Api.as("admin").when().get("/api/departments/" + gongshui).then().extract().path("name");
        Cases.act("acceptor", id, "accept", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "file", Map.of("conditionId", standardId())).statusCode(200);
        Cases.act("dispatcher", id, "dispatch", Map.of("departmentId", gongshui)).statusCode(200);
        client().when().get(BASE + "requests/" + number + ".json").then().statusCode(200)
                .body("[0].status", equalTo("open")).body("[0].status_notes", equalTo("待签收"))
                .body("[0].agency_responsible", equalTo(gongshuiName)).body("[0].expected_datetime", notNullValue());
        String expected = client().when().get(BASE + "requests/" + number + ".json").then().extract().path("[0].expected_datetime");
        assertTrue(expected.matches(ISO_OFFSET), expected);

        Cases.act("gongshui", id, "signFor", Map.of()).statusCode(200);
        Cases.act("gongshui", id, "reportHandled", Map.of("note", "已更换井盖")).statusCode(200);
        Cases.act("acceptor", id, "sendToCheck", Map.of("inspectorId", Cases.staffId("inspector"))).statusCode(200);
        Cases.act("inspector", id, "verify", Map.of()).statusCode(200);
        Cases.act("shiftlead", id, "close", Map.of()).statusCode(200);

        client().when().get(BASE + "requests/" + number + ".json").then().statusCode(200)
                .body("[0].status", equalTo("closed")).body("[0].status_notes", equalTo("已结案：已更换井盖"))
                .body("[0].agency_responsible", equalTo(gongshuiName)).body("[0].expected_datetime", nullValue());
        String updated = client().when().get(BASE + "requests/" + number + ".json").then().extract().path("[0].updated_datetime");
        String requested = client().when().get(BASE + "requests/" + number + ".json").then().extract().path("[0].requested_datetime");
        assertTrue(updated.matches(ISO_OFFSET) && updated.compareTo(requested) >= 0, requested + " → " + updated);
        client().queryParam("service_request_id", number).queryParam("status", "open").when().get(BASE + "requests.json").then()
                .statusCode(200).body("[0].status", equalTo("closed"));
        client().queryParam("status", "closed").when().get(BASE + "requests.json").then().statusCode(200)
                .body("service_request_id", hasItem(number));
    }

    @Test
    void aMergedRequestIsClosedWithTheKeptCase() {
        String key = newKey("重复测试");
        String kept = file(key, "井盖破了");
        String again = file(key, "同一个井盖破了");
        long keptId = ((Number) Api.as("acceptor").queryParam("q", kept).when().get("/api/cases").then().extract().path("items[0].id")).longValue();
        long againId = ((Number) Api.as("acceptor").queryParam("q", again).when().get("/api/cases").then().extract().path("items[0].id")).longValue();
        Cases.act("acceptor", againId, "mergeDuplicate", Map.of("duplicateOfId", keptId)).statusCode(200);
        client().when().get(BASE + "requests/" + again + ".json").then().statusCode(200).body("[0].status", equalTo("closed"))
                .body("[0].status_notes", containsString(kept));
    }

    @Test
    void theOpen311PathsOpenNothingElse() {
        client().when().get(BASE + "requests.json").then().statusCode(200);
        client().when().get("/api/cases").then().statusCode(401);
        client().when().get("/api/open311-keys").then().statusCode(401);
        Api.as("acceptor").when().get("/api/open311-keys").then().statusCode(403);
        client().when().get("/admin/open311-keys").then().statusCode(302);
        client().when().get("/hotline").then().statusCode(302);
    }
}
