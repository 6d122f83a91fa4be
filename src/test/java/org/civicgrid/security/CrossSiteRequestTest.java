package org.civicgrid.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Store;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 跨站请求伪造 (issue 17): a page form post needs the browser's CSRF token, a write from another origin is refused
 * on pages and on the API, and HTTP Basic never signs a page request in. Each refusal is checked against the store:
 * nothing was written.
 */
@QuarkusTest
class CrossSiteRequestTest {

    @Inject
    AgroalDataSource dataSource;

    /** A community code no row holds yet (the store outlives a run without clean, and tests add codes). */
    private String communityCode() {
        for (int i = 0; i < 1000; i++) {
            String code = "370831001" + (100 + ThreadLocalRandom.current().nextInt(900));
            if (regions(code) == 0) {
                return code;
            }
        }
        throw new IllegalStateException("no free community code left under 370831001");
    }

    private long regions(String code) {
        return Long.parseLong(Store.single(dataSource, "select count(*) from region where code = '" + code + "'"));
    }

    @Test
    void aPageFormWithoutTheTokenIsRefusedAndWritesNothing() {
        WebSession admin = WebSession.signIn("admin");
        String code = communityCode();
        admin.pageWithoutToken().contentType("application/x-www-form-urlencoded; charset=UTF-8")
                .formParam("code", code).formParam("name", "伪造社区").when().post("/admin/regions")
                .then().statusCode(403).body(containsString("reload"));
        admin.pageWithoutToken().contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie("civicgrid-csrf", admin.csrf().cookie())
                .formParam("csrf-token", "forged-" + admin.csrf().token()).formParam("code", code).formParam("name", "伪造社区")
                .when().post("/admin/regions").then().statusCode(403);
        assertEquals(0, regions(code));
        // the same form with the page's token (as a field, like a browser without script) is served
        admin.pageWithoutToken().contentType("application/x-www-form-urlencoded; charset=UTF-8").cookie("civicgrid-csrf", admin.csrf().cookie())
                .formParam("csrf-token", admin.csrf().token()).formParam("code", code).formParam("name", "真实社区")
                .when().post("/admin/regions").then().statusCode(303);
        assertEquals(1, regions(code));
    }

    @Test
    void everyPostFormOnAPageCarriesTheToken() {
        WebSession admin = WebSession.signIn("admin");
        for (String path : new String[] {"/admin/regions", "/admin/staff/new", "/account", "/admin/routing", "/admin/calendar"}) {
            String html = admin.page().when().get(path).then().statusCode(200).extract().asString();
            int forms = html.split("method=\"post\"", -1).length - 1;
            int tokens = html.split("name=\"csrf-token\" value=\"" + admin.csrf().token() + "\"", -1).length - 1;
            assertEquals(forms, tokens, path + ": every post form carries the token");
        }
    }

    @Test
    void aWriteFromAnotherOriginIsRefusedEvenWithTheTokenOrBasicCredentials() {
        WebSession admin = WebSession.signIn("admin");
        String code = communityCode();
        admin.form().header("Origin", "http://localhost:1").formParam("code", code).formParam("name", "跨站")
                .when().post("/admin/regions").then().statusCode(403);
        admin.form().header("Referer", "http://evil.example/page").formParam("code", code).formParam("name", "跨站")
                .when().post("/admin/regions").then().statusCode(403);
        Api.as("admin").header("Origin", "http://evil.example").body(Map.of("code", code, "name", "跨站"))
                .when().post("/api/regions").then().statusCode(403).body("error", equalTo("cross_site"));
        Api.as("admin").header("Origin", "null").body(Map.of("code", code, "name", "跨站"))
                .when().post("/api/regions").then().statusCode(403);
        assertEquals(0, regions(code));
        // the box's own origin passes
        admin.form().header("Origin", io.restassured.RestAssured.baseURI.replaceFirst("/$", "") + ":" + io.restassured.RestAssured.port)
                .formParam("code", code).formParam("name", "本站").when().post("/admin/regions").then().statusCode(303);
        assertEquals(1, regions(code));
    }

    @Test
    void httpBasicNeverSignsInAPageRequest() {
        String code = communityCode();
        WebSession.Csrf csrf = WebSession.Csrf.fresh();
        csrf.on(given()).redirects().follow(false).auth().preemptive().basic("admin", Api.DEMO_PASSWORD)
                .contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("code", code).formParam("name", "基本认证")
                .when().post("/admin/regions").then().statusCode(302).header("Location", containsString("/login"));
        given().redirects().follow(false).auth().preemptive().basic("admin", Api.DEMO_PASSWORD).when().get("/admin/staff")
                .then().statusCode(302);
        assertEquals(0, regions(code));
        Api.as("admin").when().get("/api/me").then().statusCode(200); // still fine for scripts on the API
    }

    @Test
    void apiImportsTakeNoBodyABrowserFormCouldSend() {
        String csv = "kind,name\nlandmark,跨站地标\n";
        Api.as("admin").contentType("text/plain; charset=UTF-8").body(csv).when().post("/api/places/import").then().statusCode(415);
        Api.as("admin").contentType("application/x-www-form-urlencoded; charset=UTF-8").body(csv).when().post("/api/places/import")
                .then().statusCode(415);
        Api.as("admin").contentType("multipart/form-data").multiPart("file", "places.csv", csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/places/import").then().statusCode(415);
        Api.as("admin").contentType("text/plain").body("{}").when().post("/api/regions").then().statusCode(415);
    }

    @Test
    void signInFromAnotherSiteIsRefused() {
        given().redirects().follow(false).header("Origin", "http://evil.example").formParam("j_username", "admin")
                .formParam("j_password", Api.DEMO_PASSWORD).when().post("/j_security_check").then().statusCode(403);
    }

    @Test
    void responsesCarryTheHardeningHeaders() {
        given().when().get("/login").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self'"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", "nosniff").header("X-Frame-Options", "DENY")
                .header("Referrer-Policy", "same-origin");
    }
}
