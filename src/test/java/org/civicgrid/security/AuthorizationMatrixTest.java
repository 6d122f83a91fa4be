package org.civicgrid.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.civicgrid.org.Role;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Endpoints;
import org.civicgrid.testsupport.Endpoints.Operation;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * 权限矩阵 (issue 17): every operation of the OpenAPI document (API, Open311 and pages) is called by anonymous and by
 * one account of each role, and who gets past the sign-in and role checks must be exactly what
 * {@code src/test/resources/security/access-matrix.tsv} says. An operation missing from the table fails the suite, so
 * a new endpoint needs a reviewed entry. Ids in paths name no row, so nothing is changed. Run with
 * {@code -DrecordAccessMatrix=true} to write the observed table for review instead of comparing.
 */
@QuarkusTest
class AuthorizationMatrixTest {

    static final Path TABLE = Path.of("src/test/resources/security/access-matrix.tsv");
    static final String ANONYMOUS = "anonymous";
    static final String SIGNED_IN = "signed-in";
    static final String NOBODY = "nobody";

    /** The demo account holding only that role. */
    static final Map<Role, String> ACCOUNTS = new EnumMap<>(Map.of(Role.INSPECTOR, "inspector", Role.ACCEPTOR, "acceptor",
            Role.SHIFT_LEAD, "shiftlead", Role.DISPATCHER, "dispatcher", Role.DEPARTMENT, "huanwei", Role.LEADER, "leader",
            Role.ADMIN, "admin"));

    private final Map<Role, WebSession> sessions = new EnumMap<>(Role.class);

    @Test
    void everyOperationAdmitsExactlyTheRolesOfTheTable() throws IOException {
        Map<String, String> observed = new TreeMap<>();
        for (Operation op : Endpoints.all()) {
            observed.put(op.key(), who(op));
        }
        if (Boolean.getBoolean("recordAccessMatrix")) {
            Files.writeString(TABLE, observed.entrySet().stream().map(e -> e.getKey().replace(' ', '\t') + "\t" + e.getValue())
                    .collect(Collectors.joining("\n", "# method\tpath\twho may call it (anonymous | signed-in | roles | nobody)\n", "\n")));
            return;
        }
        Map<String, String> expected = AuthorizationMatrixTestTable.read();
        List<String> problems = new ArrayList<>();
        observed.forEach((key, who) -> {
            if (!expected.containsKey(key)) {
                problems.add("no entry in the access table for " + key + " (observed: " + who + ")");
            } else if (!expected.get(key).equals(who)) {
                problems.add(key + ": table says " + expected.get(key) + ", observed " + who);
            }
        });
        expected.keySet().stream().filter(k -> !observed.containsKey(k)).forEach(k -> problems.add("stale entry, no such operation: " + k));
        assertTrue(observed.size() > 100, "the OpenAPI document lists the operations: " + observed.size());
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    private String who(Operation op) {
        if (admitted(op, null)) {
            return ANONYMOUS;
        }
        List<String> roles = new ArrayList<>();
        for (Role role : Role.values()) {
            if (admitted(op, role)) {
                roles.add(role.name());
            }
        }
        return roles.isEmpty() ? NOBODY : roles.size() == Role.values().length ? SIGNED_IN : String.join(",", roles);
    }

    /** True when the request got past sign-in and the role check (whatever it then answered: 200, 400, 404 …). */
    private boolean admitted(Operation op, Role role) {
        Response response = body(op, caller(op, role)).request(op.method(), op.concretePath());
        int status = response.statusCode();
        if (status == 401) {
            return false;
        }
        if (status == 302 || status == 303) {
            String location = String.valueOf(response.header("Location"));
            return !location.contains("/login") || location.contains("out=1"); // sign-out's own "signed out" page is its answer, not a refusal
        }
        return !(status == 403 && response.asString().contains("does not hold a role"));
    }

    private RequestSpecification caller(Operation op, Role role) {
        if (role == null) {
            return WebSession.Csrf.fresh().on(given().redirects().follow(false));
        }
        if (op.isApi() || op.path().startsWith("/q/")) {
            return Api.as(ACCOUNTS.get(role)).redirects().follow(false);
        }
        if ("/logout".equals(op.path())) {
            return WebSession.signIn(ACCOUNTS.get(role)).page(); // its own session: signing out must not end the shared one
        }
        return sessions.computeIfAbsent(role, r -> WebSession.signIn(ACCOUNTS.get(r))).page();
    }

    private static RequestSpecification body(Operation op, RequestSpecification request) {
        if ("GET".equals(op.method()) || "DELETE".equals(op.method())) {
            return request;
        }
        if (op.consumes().stream().anyMatch(t -> t.startsWith("multipart/"))) {
            return request.contentType("multipart/form-data").multiPart("unused", "x");
        }
        if (op.consumes().contains("application/x-www-form-urlencoded")) {
            return request.contentType("application/x-www-form-urlencoded; charset=UTF-8").formParam("unused", "x");
        }
        if (op.consumes().contains("text/csv")) {
            return request.contentType("text/csv").body("unused\n");
        }
        return request.contentType("application/json").body("{}");
    }
}
