package org.civicgrid.cases;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.junit.jupiter.api.Test;

/**
 * 关键字检索 — the keyword of the case list finds what {@code LIKE '%…%'} found, through the trigram index (V51) from three
 * characters on: any Chinese substring of number, description or address, ASCII in either case; one or two characters and
 * LIKE wildcards as before; a changed address is found under the new text only; the index agrees with the cases.
 */
@QuarkusTest
class CaseSearchTest {

    @Inject
    AgroalDataSource dataSource;

    @Test
    void findsSubstringsOfChineseTextNumbersAndChangedAddresses() throws SQLException {
        String han = randomHan(6); // six characters no other case has: every search below is a rare one
        String latin = "Qx" + Long.toString(System.nanoTime(), 36);
        long id = report("井盖缺失" + han + " 东侧 " + latin, "人民路" + han.substring(0, 4) + "号");
        long other = report("路灯不亮 " + han.substring(3) + "西", null);

        assertEquals(List.of(id), found(han.substring(1, 4)));                  // three characters inside the description
        assertEquals(List.of(other, id), found(han.substring(3, 6)));           // in both, newest first
        assertEquals(List.of(id), found("路" + han.substring(0, 3)));            // the address
        assertEquals(List.of(id), found(latin.toUpperCase()));                  // ASCII in any case, as LIKE
        assertEquals(List.of(id), found(han.substring(1, 4) + han.substring(4, 5) + han.substring(5) + " 东侧")); // spaces are text
        assertEquals(List.of(), found(han.substring(0, 3) + "X"));
        String number = Api.as("dispatcher").when().get("/api/cases/" + id).then().statusCode(200).extract().path("number");
        assertEquals(List.of(id), found(number));
        // shorter and wildcard searches keep the LIKE: two characters, % inside
        assertEquals(List.of(other, id), found(han.substring(4, 6)).stream().filter(i -> i == id || i == other).toList());
        assertEquals(List.of(id), found(han.substring(0, 2) + "%" + latin));

        // 改址 (relocate) changes the address: found under the new one only
        String moved = "建设路" + randomHan(4);
        Cases.act("acceptor", id, "relocate", Map.of("lat", Cases.LAT + 0.001, "lon", Cases.LON, "address", moved)).statusCode(200);
        assertEquals(List.of(id), found(moved.substring(2)));
        assertEquals(List.of(), found("人民路" + han.substring(0, 4)));
        integrityCheck();
    }

    /** FTS5 compares the index with the cases it indexes: an error if one differs. */
    private void integrityCheck() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO case_search (case_search, rank) VALUES ('integrity-check', 1)");
        }
    }

    private static List<Long> found(String q) {
        Map<String, Object> query = new HashMap<>(Map.of("q", q, "size", "50"));
        return Api.as("dispatcher").queryParams(query).when().get("/api/cases").then().statusCode(200).extract().jsonPath()
                .getList("items.id", Long.class);
    }

    private static long report(String description, String address) {
        Map<String, Object> body = new HashMap<>(Map.of("source", "HOTLINE", "description", description, "lat", Cases.LAT, "lon", Cases.LON));
        if (address != null) {
            body.put("address", address);
        }
        return ((Number) Api.as("acceptor").body(body).when().post("/api/cases").then().statusCode(201).extract().path("id")).longValue();
    }

    /** Characters of the CJK block chosen at random (U+4E00…U+9FA5). */
    private static String randomHan(int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) {
            s.append((char) ThreadLocalRandom.current().nextInt(0x4E00, 0x9FA6));
        }
        return s.toString();
    }
}
