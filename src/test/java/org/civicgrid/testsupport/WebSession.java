package org.civicgrid.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** A person in a browser: signs in through the login form and posts UTF-8 forms with the session cookie. */
public final class WebSession {

    public static final String COOKIE = "civicgrid-session";

    private final String cookie;

    private WebSession(String cookie) {
        this.cookie = cookie;
    }

    public static WebSession signIn(String username) {
        return signIn(username, Api.DEMO_PASSWORD);
    }

    public static WebSession signIn(String username, String password) {
        Response response = given().redirects().follow(false).formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
        response.then().statusCode(302).header("Location", not(containsString("error")));
        String cookie = response.getCookie(COOKIE);
        if (cookie == null) {
            throw new AssertionError("no session cookie for " + username);
        }
        return new WebSession(cookie);
    }

    public String cookie() {
        return cookie;
    }

    /** A page request with the session cookie (redirects not followed). */
    public RequestSpecification page() {
        return given().redirects().follow(false).cookie(COOKIE, cookie);
    }

    /** A form post as browsers send it: UTF-8, url-encoded. */
    public RequestSpecification form() {
        return page().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
