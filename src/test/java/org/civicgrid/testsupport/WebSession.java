package org.civicgrid.testsupport;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A person in a browser: signs in through the login form and posts UTF-8 forms with the session cookie and the
 * page's CSRF token (the cookie the login page set and the token it rendered, sent as the browser's htmx would).
 */
public final class WebSession {

    public static final String COOKIE = "civicgrid-session";
    /** The server-side session's id (security.Sessions): without it the session cookie alone signs nobody in. */
    public static final String SESSION_ID_COOKIE = "civicgrid-sid";
    public static final String CSRF_COOKIE = "civicgrid-csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");

    private final String cookie;
    private final String sessionId;
    private final Csrf csrf;

    /** A browser's CSRF cookie and the token its pages carry. */
    public record Csrf(String cookie, String token) {

        /** Opens the login page like a fresh browser and keeps the CSRF cookie and token it hands out. */
        public static Csrf fresh() {
            return from("/login");
        }

        /** Opens a page like a fresh browser and keeps the CSRF cookie and token it hands out. */
        public static Csrf from(String path) {
            Response login = given().redirects().follow(false).get(path);
            Matcher m = TOKEN.matcher(login.asString());
            if (!m.find() || login.getCookie(CSRF_COOKIE) == null) {
                throw new AssertionError("the login page set no CSRF cookie/token");
            }
            return new Csrf(login.getCookie(CSRF_COOKIE), m.group(1));
        }

        /** Adds the cookie and the header to a request. */
        public RequestSpecification on(RequestSpecification request) {
            return request.cookie(CSRF_COOKIE, cookie).header(CSRF_HEADER, token);
        }
    }

    private WebSession(String cookie, String sessionId, Csrf csrf) {
        this.cookie = cookie;
        this.sessionId = sessionId;
        this.csrf = csrf;
    }

    public static WebSession signIn(String username) {
        return signIn(username, Api.DEMO_PASSWORD);
    }

    public static WebSession signIn(String username, String password) {
        Csrf csrf = Csrf.fresh();
        Response response = csrf.on(given()).redirects().follow(false).formParam("j_username", username).formParam("j_password", password)
                .when().post("/j_security_check");
        response.then().statusCode(302).header("Location", not(containsString("error")));
        String cookie = response.getCookie(COOKIE);
        String sessionId = response.getCookie(SESSION_ID_COOKIE);
        if (cookie == null || sessionId == null) {
            throw new AssertionError("no session cookie for " + username);
        }
        return new WebSession(cookie, sessionId, csrf);
    }

    public String cookie() {
        return cookie;
    }

    public String sessionId() {
        return sessionId;
    }

    public Csrf csrf() {
        return csrf;
    }

    /** A page request with the session cookie and the CSRF token (redirects not followed). */
    public RequestSpecification page() {
        return csrf.on(pageWithoutToken());
    }

    /** A page request with the session cookie but without the CSRF cookie or token, as another site's form sends it. */
    public RequestSpecification pageWithoutToken() {
        return given().redirects().follow(false).cookie(COOKIE, cookie).cookie(SESSION_ID_COOKIE, sessionId);
    }

    /** A form post as browsers send it: UTF-8, url-encoded. */
    public RequestSpecification form() {
        return page().contentType("application/x-www-form-urlencoded; charset=UTF-8");
    }
}
