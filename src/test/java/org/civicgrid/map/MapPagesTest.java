package org.civicgrid.map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The map page: who sees it, its language, and that every script and style it loads is served by the box. */
@QuarkusTest
class MapPagesTest {

    private static final Pattern ASSET = Pattern.compile("<(?:script|link)\\b[^>]*\\b(?:src|href)=\"([^\"]*)\"");

    @Test
    void rendersForDispatcherAndLeaderWithTheMapBundle() {
        for (String user : new String[] {"dispatcher", "leader"}) {
            WebSession.signIn(user).page().when().get("/map").then().statusCode(200)
                    .body(containsString("<title>网格地图"))
                    .body(containsString("id=\"map\""))
                    .body(containsString("href=\"/map\""))
                    .body(containsString("/static/bundle/map-"))
                    .body(containsString("/static/bundle/app-"))
                    .body(containsString("<meta name=\"civicgrid-basemap\"")) // the base map every map draws (basemap.js)
                    .body(not(containsString("data-tile-url"))); // the old per-page attribute is gone
        }
    }

    @Test
    void theNavigationLeadsToTheMapForEveryRole() {
        WebSession.signIn("huanwei").page().when().get("/").then().statusCode(200).body(containsString("href=\"/map\""));
        WebSession.signIn("inspector").page().when().get("/").then().statusCode(200).body(containsString("网格地图"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLoginPage() {
        io.restassured.RestAssured.given().redirects().follow(false).when().get("/map").then()
                .statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void speaksEnglishAfterTheSwitch() {
        WebSession.signIn("dispatcher").page().cookie("civicgrid-lang", "en").when().get("/map").then().statusCode(200)
                .body(containsString("<title>Grid map")).body(containsString("Open cases")).body(not(containsString("在办案卷")));
    }

    @Test
    void loadsOnlyAssetsServedByTheBox() {
        String html = WebSession.signIn("dispatcher").page().when().get("/map").then().statusCode(200).extract().asString();
        Matcher m = ASSET.matcher(html);
        int bundled = 0;
        while (m.find()) {
            String url = m.group(1);
            assertFalse(url.startsWith("http:") || url.startsWith("https:") || url.startsWith("//"), "external asset " + url);
            assertTrue(url.startsWith("/static/"), "asset not served by the box: " + url);
            bundled += url.startsWith("/static/bundle/") ? 1 : 0;
        }
        assertTrue(bundled >= 3, "app script, map script and map style from the bundle: " + html);
        WebSession session = WebSession.signIn("dispatcher");
        Matcher script = Pattern.compile("src=\"(/static/bundle/map-[^\"]+\\.js)\"").matcher(html);
        assertTrue(script.find());
        // Leaflet is in the map script or, once other bundles share it, in a chunk the script imports from the box
        StringBuilder code = new StringBuilder(session.page().when().get(script.group(1)).then().statusCode(200).extract().asString());
        Matcher chunk = Pattern.compile("from\\s*\"(/static/bundle/chunk-[^\"]+\\.js)\"").matcher(code.toString());
        while (chunk.find()) {
            code.append(session.page().when().get(chunk.group(1)).then().statusCode(200).extract().asString());
        }
        assertTrue(code.toString().contains("leaflet"), "Leaflet bundled: " + script.group(1));
    }
}
