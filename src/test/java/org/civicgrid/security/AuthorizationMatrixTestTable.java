package org.civicgrid.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** The reviewed access table ({@link AuthorizationMatrixTest#TABLE}): "METHOD path" → who may call it. */
final class AuthorizationMatrixTestTable {

    private AuthorizationMatrixTestTable() {
    }

    static Map<String, String> read() throws IOException {
        Map<String, String> table = new LinkedHashMap<>();
        for (String line : Files.readAllLines(AuthorizationMatrixTest.TABLE, StandardCharsets.UTF_8)) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\t");
            table.put(cells[0] + " " + cells[1], cells[2]);
        }
        return table;
    }
}
