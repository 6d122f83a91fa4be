package org.civicgrid.web;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** Errors a person can act on: 403 names the roles that may, 404 says what is missing, an expired session is told so. */
@QuarkusTest
class ErrorPagesTest {

    @Test
    void aRefusedPageNamesTheRolesThatMay() {
        WebSession.signIn("huanwei").page().when().get("/screen").then().statusCode(403)
                .body(containsString("<title>")).body(containsString("id=\"allowed-roles\""))
                .body(containsString("<strong>领导</strong>")).body(containsString("<strong>派遣员</strong>"))
                .body(not(containsString("<strong>专业部门</strong>"))).body(containsString("href=\"/\""));
        WebSession.signIn("huanwei").page().cookie("civicgrid-lang", "en").when().get("/cases/new").then().statusCode(403)
                .body(containsString("<strong>Inspector</strong>"));
        Api.as("huanwei").when().get("/api/screen/summary").then().statusCode(403)
                .body("error", org.hamcrest.Matchers.equalTo("forbidden")).body("message", containsString("LEADER"));
    }

    @Test
    void anUnknownPageIsA404InChinese() {
        WebSession.signIn("dispatcher").page().when().get("/no-such-page").then().statusCode(404)
                .body(containsString("页面或资源不存在")).body(containsString("<html"));
    }

    @Test
    void anExpiredSessionIsToldOnTheLoginPage() {
        RestAssured.given().redirects().follow(false).cookie(WebSession.COOKIE, "stale-or-expired").when().get("/cases").then()
                .statusCode(302).header("Location", containsString("/login"));
        RestAssured.given().cookie(WebSession.COOKIE, "stale-or-expired").when().get("/login").then().statusCode(200)
                .body(containsString("id=\"session-expired\"")).body(containsString("登录已过期"));
        RestAssured.given().when().get("/login?expired=1").then().statusCode(200).body(containsString("id=\"session-expired\""));
        RestAssured.given().when().get("/login").then().statusCode(200).body(not(containsString("id=\"session-expired\"")));
        RestAssured.given().when().get("/login?out=1").then().statusCode(200).body(not(containsString("id=\"session-expired\"")));
    }
}
