package org.civicgrid.testsupport;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Every operation of the running application as its OpenAPI document lists it (JSON API, Open311 and the Qute pages
 * alike): method, path template, the body types it consumes and the schema reference of a JSON body. Shared by the
 * authorisation matrix and the bad-input tests so that both cover a new endpoint the moment it exists.
 */
public final class Endpoints {

    /** One operation. */
    public record Operation(String method, String path, Set<String> consumes, String jsonSchemaRef) {

        public String key() {
            return method + " " + path;
        }

        /** The path with every parameter filled: ids with a number no row has, other parameters with a code none has. */
        public String concretePath() {
            return path.replaceAll("\\{(id|[a-zA-Z]*Id)}", "999999999").replace("{action}", "accept").replaceAll("\\{[^}]+}", "zz-none");
        }

        public boolean isApi() {
            return path.startsWith("/api/");
        }
    }

    private Endpoints() {
    }

    @SuppressWarnings("unchecked")
    public static List<Operation> all() {
        JsonPath doc = OpenApiDocument.fetch();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<Operation> operations = new ArrayList<>();
        paths.forEach((path, item) -> {
            for (String method : item.keySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                Map<String, Object> op = (Map<String, Object>) item.get(method);
                Set<String> consumes = new TreeSet<>();
                String schemaRef = null;
                Map<String, Object> body = (Map<String, Object>) op.get("requestBody");
                if (body != null && body.get("content") instanceof Map<?, ?> content) {
                    for (var e : content.entrySet()) {
                        consumes.add(String.valueOf(e.getKey()));
                        if (String.valueOf(e.getKey()).contains("json") && e.getValue() instanceof Map<?, ?> media
                                && media.get("schema") instanceof Map<?, ?> schema && schema.get("$ref") != null) {
                            schemaRef = String.valueOf(schema.get("$ref"));
                        }
                    }
                }
                operations.add(new Operation(method.toUpperCase(), path, consumes, schemaRef));
            }
        });
        return operations;
    }
}
