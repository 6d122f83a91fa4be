package org.civicgrid.security;

import static org.hamcrest.Matchers.containsString;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 会话撤销 (issue 17): a copied session cookie stops working once its session is signed out, the password is reset
 * or changed, the roles change or the account is disabled — checked on the server, not by the browser forgetting.
 */
@QuarkusTest
class SessionRevocationTest {

    private static final String PASSWORD = "Lantern-Harbour-47";

    private static int account(String username) {
        return Api.as("admin").body(Map.of("username", username, "displayName", "会话 " + username, "roles", List.of("ACCEPTOR"),
                "password", PASSWORD)).when().post("/api/staff").then().statusCode(201).extract().path("id");
    }

    private static String fresh() {
        return "s" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static void works(WebSession session) {
        session.page().when().get("/account").then().statusCode(200);
    }

    private static void revoked(WebSession session) {
        session.page().when().get("/account").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void signingOutEndsTheSessionEvenForACopiedCookie() {
        String user = fresh();
        account(user);
        WebSession mine = WebSession.signIn(user, PASSWORD);
        WebSession other = WebSession.signIn(user, PASSWORD);
        works(mine);
        mine.page().when().post("/logout").then().statusCode(303);
        revoked(mine); // the cookies as they were before sign-out (a copy an attacker kept)
        works(other); // another browser's session is its own
    }

    @Test
    void anAdminPasswordResetEndsEverySessionOfTheAccount() {
        String user = fresh();
        int id = account(user);
        WebSession session = WebSession.signIn(user, PASSWORD);
        works(session);
        Api.as("admin").body(Map.of("password", "Reset-Lantern-58")).when().post("/api/staff/" + id + "/password").then().statusCode(204);
        revoked(session);
    }

    @Test
    void aRoleChangeOrDisablingEndsTheSessions() {
        String user = fresh();
        int id = account(user);
        WebSession session = WebSession.signIn(user, PASSWORD);
        works(session);
        Api.as("admin").body(Map.of("displayName", "会话 " + user, "roles", List.of("INSPECTOR"))).when().put("/api/staff/" + id)
                .then().statusCode(200);
        revoked(session);
        WebSession again = WebSession.signIn(user, PASSWORD);
        works(again);
        Api.as("admin").body(Map.of("displayName", "会话 " + user, "roles", List.of("INSPECTOR"), "active", false))
                .when().put("/api/staff/" + id).then().statusCode(200);
        revoked(again);
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButNotThisOne() {
        String user = fresh();
        account(user);
        WebSession here = WebSession.signIn(user, PASSWORD);
        WebSession elsewhere = WebSession.signIn(user, PASSWORD);
        here.form().formParam("currentPassword", PASSWORD).formParam("newPassword", "Changed-Lantern-69")
                .formParam("newPassword2", "Changed-Lantern-69").when().post("/account/password").then().statusCode(200);
        works(here);
        revoked(elsewhere);
    }
}
