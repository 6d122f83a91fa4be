package org.civicgrid.security;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.org.Role;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Endpoints;
import org.civicgrid.testsupport.Endpoints.Operation;
import org.civicgrid.testsupport.OpenApiDocument;
import org.junit.jupiter.api.Test;

/**
 * 异常输入 (issue 17): every JSON API operation of the OpenAPI document, called by a role that may, gets wrong types,
 * unknown enum values, NaN, huge strings, bad dates and unreadable query parameters — one at a time. Each answer must be
 * below 500, a 4xx must be the JSON error with a message, and a refused request must not have written any row.
 */
@QuarkusTest
class BadInputTest {

    private static final String HUGE = "长".repeat(100_001);

    @Inject
    AgroalDataSource dataSource;

    @Test
    @SuppressWarnings("unchecked")
    void noOperationFailsOrWritesOnBadInput() throws Exception {
        Map<String, String> access = AuthorizationMatrixTestTable.read();
        JsonPath doc = OpenApiDocument.fetch();
        List<String> problems = new ArrayList<>();
        int sent = 0;
        for (Operation op : Endpoints.all()) {
            if (!op.isApi()) {
                continue;
            }
            String who = access.getOrDefault(op.key(), "nobody");
            if ("nobody".equals(who)) {
                continue;
            }
            Map<String, Object> spec = doc.getMap("paths.'" + op.path() + "'." + op.method().toLowerCase());
            for (Map.Entry<String, Object> bad : badInputs(doc, op, spec).entrySet()) {
                long rowsBefore = rows();
                Response r = send(op, who, bad.getValue());
                sent++;
                String what = op.key() + " with " + bad.getKey();
                if (r.statusCode() >= 500) {
                    problems.add(what + " -> " + r.statusCode() + " " + abbreviate(r.asString()));
                } else if (r.statusCode() >= 400) {
                    String body = r.asString();
                    if (!String.valueOf(r.contentType()).startsWith("application/json") || !body.contains("\"message\"")) {
                        problems.add(what + " -> " + r.statusCode() + " without a JSON message: " + abbreviate(body));
                    }
                    if (rows() != rowsBefore) {
                        problems.add(what + " -> " + r.statusCode() + " but a row was written");
                    }
                }
            }
        }
        assertTrue(sent > 200, "bad inputs sent: " + sent);
        assertTrue(problems.isEmpty(), problems.size() + " problems:\n" + String.join("\n", problems));
    }

    /** label → either a JSON body (a Map) or query parameters (a String "name=value"). */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> badInputs(JsonPath doc, Operation op, Map<String, Object> spec) {
        Map<String, Object> inputs = new LinkedHashMap<>();
        List<Map<String, Object>> parameters = spec == null ? List.of() : (List<Map<String, Object>>) spec.getOrDefault("parameters", List.of());
        for (Map<String, Object> p : parameters) {
            if (!"query".equals(p.get("in"))) {
                continue;
            }
            Map<String, Object> schema = resolve(doc, (Map<String, Object>) p.get("schema"));
            for (String value : wrongScalars(schema)) {
                inputs.put("?" + p.get("name") + "=" + value, "?" + p.get("name") + "=" + value);
            }
        }
        if (op.jsonSchemaRef() != null) {
            Map<String, Object> schema = resolve(doc, Map.of("$ref", op.jsonSchemaRef()));
            Map<String, Object> properties = (Map<String, Object>) schema.getOrDefault("properties", Map.of());
            properties.forEach((name, s) -> {
                Map<String, Object> property = resolve(doc, (Map<String, Object>) s);
                for (Object value : wrongJsonValues(property)) {
                    inputs.put(name + "=" + abbreviate(String.valueOf(value)), Map.of(name, value));
                }
            });
            inputs.put("a body that is not JSON", "not json");
            inputs.put("a JSON array", List.of(1, 2));
        }
        return inputs;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resolve(JsonPath doc, Map<String, Object> schema) {
        if (schema == null) {
            return Map.of();
        }
        Object ref = schema.get("$ref");
        if (ref == null && schema.get("allOf") instanceof List<?> all && !all.isEmpty()) {
            ref = ((Map<String, Object>) all.get(0)).get("$ref");
        }
        if (ref == null) {
            return schema;
        }
        String name = String.valueOf(ref).substring(String.valueOf(ref).lastIndexOf('/') + 1);
        Map<String, Object> found = doc.getMap("components.schemas.'" + name + "'");
        return found == null ? Map.of() : found;
    }

    private static List<String> wrongScalars(Map<String, Object> schema) {
        if (schema.get("enum") != null) {
            return List.of("NOT_A_VALUE");
        }
        String format = String.valueOf(schema.get("format"));
        return switch (String.valueOf(schema.get("type"))) {
            case "integer" -> List.of("abc", "1e400", "99999999999999999999");
            case "number" -> List.of("abc", "NaN", "Infinity");
            case "boolean" -> List.of("maybe");
            case "string" -> format.startsWith("date") ? List.of("yesterday", "2026-13-45") : List.of();
            default -> List.of();
        };
    }

    private static List<Object> wrongJsonValues(Map<String, Object> schema) {
        if (schema.get("enum") != null) {
            return List.of("NOT_A_VALUE", 12);
        }
        String format = String.valueOf(schema.get("format"));
        return switch (String.valueOf(schema.get("type"))) {
            case "integer" -> List.of("abc", "NaN", Map.of("x", 1), 1e300);
            case "number" -> List.of("abc", "NaN", "Infinity", List.of(1));
            case "boolean" -> List.of("maybe", List.of(true));
            case "array" -> List.of("not a list", 7);
            case "object" -> List.of("not an object", 7);
            case "string" -> format.startsWith("date") ? List.of("yesterday", "2026-13-45T99:00:00Z", 5)
                    : List.of(HUGE, Map.of("x", 1), List.of("a"));
            default -> List.of(HUGE);
        };
    }

    private static Response send(Operation op, String who, Object input) {
        RequestSpecification request = caller(who).redirects().follow(false).accept("application/json");
        String path = op.concretePath();
        if (input instanceof String s && s.startsWith("?")) {
            String[] kv = s.substring(1).split("=", 2);
            request = request.queryParam(kv[0], kv[1]);
            if (!"GET".equals(op.method()) && !"DELETE".equals(op.method())) {
                request = request.contentType("application/json").body("{}");
            }
        } else if (input instanceof String s) {
            request = request.contentType("application/json").body(s);
        } else {
            request = request.contentType("application/json").body(input);
        }
        return request.request(op.method(), path);
    }

    private static RequestSpecification caller(String who) {
        if ("anonymous".equals(who)) {
            return given();
        }
        if ("signed-in".equals(who)) {
            return Api.as("admin");
        }
        String first = who.split(",")[0];
        return Api.as(AuthorizationMatrixTest.ACCOUNTS.get(Role.valueOf(first)));
    }

    private long rows() throws SQLException {
        long total = 0;
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet r = s.executeQuery("select name from sqlite_master where type = 'table' and name not like 'sqlite_%'"
                    + " and name not in ('flyway_schema_history', 'sign_in_log')")) {
                while (r.next()) {
                    tables.add(r.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet r = s.executeQuery("select count(*) from \"" + table + "\"")) {
                    r.next();
                    total += r.getLong(1);
                }
            }
        }
        return total;
    }

    private static String abbreviate(String text) {
        return text.length() > 160 ? text.substring(0, 160) + "…" : text;
    }
}
