package org.civicgrid.open311.keys;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** The admin's key page: a key is shown once at creation, works, is listed by its first characters only, and is revoked. */
@QuarkusTest
class Open311KeyPagesTest {

    private static int post(String key) {
        return given().contentType("application/x-www-form-urlencoded").formParam("api_key", key).formParam("service_code", "component:0101")
                .formParam("lat", "35.66").formParam("long", "117.26").formParam("description", "页面发的密钥").when()
                .post("/open311/v2/requests.json").then().extract().statusCode();
    }

    @Test
    void anAdminIssuesAKeySeenOnceAndRevokesIt() {
        WebSession admin = WebSession.signIn("admin");
        admin.page().when().get("/admin/open311-keys").then().statusCode(200).body(containsString("<title>Open311 接口密钥"))
                .body(containsString("演示客户端 (demo)")).body(containsString("href=\"/admin/open311-keys\""));
        String page = admin.form().formParam("name", "区 12345 平台").when().post("/admin/open311-keys").then().statusCode(200)
                .header("Cache-Control", containsString("no-store")).body(containsString("id=\"issued-key\"")).extract().asString();
        Matcher shown = Pattern.compile("<code class=\"secret\">(cg311-[0-9a-f]{48})</code>").matcher(page);
        assertTrue(shown.find(), page);
        String key = shown.group(1);
        assertTrue(post(key) == 201);

        String listed = admin.page().when().get("/admin/open311-keys").then().statusCode(200).body(containsString("区 12345 平台"))
                .body(containsString(key.substring(0, 10) + "…")).body(not(containsString(key))).extract().asString();
        Matcher revoke = Pattern.compile("区 12345 平台</td>.*?action=\"/admin/open311-keys/(\\d+)/revoke\"", Pattern.DOTALL).matcher(listed);
        assertTrue(revoke.find(), listed);
        admin.form().when().post("/admin/open311-keys/" + revoke.group(1) + "/revoke").then().statusCode(303);
        admin.page().when().get("/admin/open311-keys?revoked=1").then().statusCode(200).body(containsString("已吊销"));
        assertTrue(post(key) == 403);

        admin.form().formParam("name", " ").when().post("/admin/open311-keys").then().statusCode(400).body(containsString("name"));
        WebSession.signIn("acceptor").page().when().get("/admin/open311-keys").then().statusCode(403);
    }
}
