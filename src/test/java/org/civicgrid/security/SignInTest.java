package org.civicgrid.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Store;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/** Form sign-in for people, bcrypt hashes on disk, throttling of guesses, sign-out and the audit log. */
@QuarkusTest
class SignInTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void formSignInSetsASessionCookieThatOpensTheWorkbench() {
        WebSession session = WebSession.signIn("shiftlead", "civicgrid");
        session.page().when().get("/").then().statusCode(200)
                .body(containsString("刘强（值班长）")).body(containsString("值班长"));
        assertTrue(Store.column(dataSource, "select outcome from sign_in_log where username = 'shiftlead'").contains("SIGNED_IN"));
    }

    @Test
    void aWrongPasswordGoesBackToTheLoginPageWithAnError() {
        given().redirects().follow(false).formParam("j_username", "acceptor").formParam("j_password", "wrong")
                .when().post("/j_security_check").then().statusCode(302).header("Location", endsWith("/login?error=1"));
        given().when().get("/login?error=1").then().statusCode(200).body(containsString("用户名或密码错误"));
    }

    @Test
    void passwordsAreStoredAsBcryptHashesOnly() {
        String secret = "Gl4ss-Tower-2026";
        Api.as("admin").body(Map.of("username", "hashcheck", "displayName", "Hash Check", "roles", List.of("LEADER"), "password", secret))
                .when().post("/api/staff").then().statusCode(201);
        String hash = Store.single(dataSource, "select password_hash from staff where username = 'hashcheck'");
        assertTrue(hash.matches("\\$2[aby]\\$\\d\\d\\$.{53}"), "bcrypt modular-crypt hash: " + hash);
        for (String column : List.of("username", "display_name", "password_hash", "phone")) {
            assertFalse(Store.column(dataSource, "select " + column + " from staff").stream().anyMatch(v -> v != null && v.contains(secret)),
                    "clear text in staff." + column);
        }
        Api.as("hashcheck", secret).when().get("/api/me").then().statusCode(200);
    }

    @Test
    void repeatedGuessesLockTheAccountEvenForTheRightPassword() {
        String password = "Right-Password-1";
        Api.as("admin").body(Map.of("username", "guessed", "displayName", "Guessed", "roles", List.of("INSPECTOR"), "password", password))
                .when().post("/api/staff").then().statusCode(201);
        for (int i = 0; i < 5; i++) {
            Api.as("guessed", "guess-" + i).when().get("/api/me").then().statusCode(401);
        }
        Api.as("guessed", password).when().get("/api/me").then().statusCode(401);
        List<String> outcomes = Store.column(dataSource, "select outcome from sign_in_log where username = 'guessed' order by id");
        assertEquals(5, outcomes.stream().filter("FAILED"::equals).count());
        assertEquals("LOCKED", outcomes.get(outcomes.size() - 1));
    }

    @Test
    void aDeactivatedAccountCanNoLongerSignInNorUseItsSession() {
        Response created = Api.as("admin").body(Map.of("username", "leaver", "displayName", "Leaver", "roles", List.of("ACCEPTOR"),
                "password", "Leaving-Soon-1")).when().post("/api/staff");
        int id = created.then().statusCode(201).extract().path("id");
        WebSession session = WebSession.signIn("leaver", "Leaving-Soon-1");
        session.page().when().get("/").then().statusCode(200);
        Api.as("admin").body(Map.of("displayName", "Leaver", "roles", List.of("ACCEPTOR"), "active", false))
                .when().put("/api/staff/" + id).then().statusCode(200);
        Api.as("leaver", "Leaving-Soon-1").when().get("/api/me").then().statusCode(401);
        session.page().when().get("/").then().statusCode(302);
    }

    @Test
    void signOutEndsTheSession() {
        WebSession session = WebSession.signIn("leader", "civicgrid");
        Response out = session.page().when().post("/logout");
        out.then().statusCode(303).header("Location", endsWith("/login?out=1"));
        String cleared = out.getDetailedCookie("civicgrid-session") == null ? "" : out.getDetailedCookie("civicgrid-session").getValue();
        assertTrue(cleared.isEmpty(), "the session cookie is cleared");
    }

    @Test
    void aUserChangesTheirOwnPasswordByProvingTheCurrentOne() {
        Api.as("admin").body(Map.of("username", "changer", "displayName", "Changer", "roles", List.of("INSPECTOR"), "password", "First-Pass-1"))
                .when().post("/api/staff").then().statusCode(201);
        Api.as("changer", "First-Pass-1").body(Map.of("currentPassword", "nope", "newPassword", "Second-Pass-2"))
                .when().post("/api/me/password").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("currentPassword"));
        Api.as("changer", "First-Pass-1").body(Map.of("currentPassword", "First-Pass-1", "newPassword", "short"))
                .when().post("/api/me/password").then().statusCode(400).body("field", org.hamcrest.Matchers.equalTo("newPassword"));
        Api.as("changer", "First-Pass-1").body(Map.of("currentPassword", "First-Pass-1", "newPassword", "Second-Pass-2"))
                .when().post("/api/me/password").then().statusCode(204);
        Api.as("changer", "First-Pass-1").when().get("/api/me").then().statusCode(401);
        Api.as("changer", "Second-Pass-2").when().get("/api/me").then().statusCode(200);
    }

    @Test
    void theLanguageSwitchServesEnglish() {
        WebSession session = WebSession.signIn("dispatcher", "civicgrid");
        Response switched = given().redirects().follow(false).when().get("/lang/en?back=/account");
        switched.then().statusCode(303).header("Location", endsWith("/account"));
        session.page().cookie(switched.getDetailedCookie("civicgrid-lang"))
                .when().get("/account").then().statusCode(200).body(containsString("My account")).body(not(containsString("个人设置")));
        given().redirects().follow(false).when().get("/lang/en?back=//evil.example").then().header("Location", not(containsString("evil")));
        given().redirects().follow(false).urlEncodingEnabled(false).when().get("/lang/en?back=/%09/evil.com").then().statusCode(303)
                .header("Location", not(containsString("evil")));
    }

}
