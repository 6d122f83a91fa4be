package org.civicgrid.cases;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Cases;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * The case list pages by position (keyset): newest first, cases created at the same instant ordered by id, every
 * case exactly once going forward and the same pages coming back, filters kept; a bad position is a 400.
 */
@QuarkusTest
class CaseListKeysetTest {

    @Inject
    AgroalDataSource dataSource;

    private record Row(long id, long createdAt) {
    }

    @Test
    void nextAndPreviousWalkEveryCaseOnceWithTiesAndFilters() throws SQLException {
        String marker = "翻页" + Long.toString(System.nanoTime(), 36);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 13; i++) {
            ids.add(report(i % 3 == 0 ? "PUBLIC" : "HOTLINE", marker));
        }
        // ties: cases 2..7 share one creation instant, so only the id orders them
        sameInstant(ids.subList(2, 8));
        List<Long> expected = newestFirst(ids);

        List<List<Long>> forward = new ArrayList<>();
        JsonPath page = list(Map.of("q", marker, "size", "5"));
        assertEquals(13, page.getLong("total"));
        assertFalse(page.getBoolean("totalCapped"));
        assertNull(page.get("previous"));
        forward.add(page.getList("items.id", Long.class));
        while (page.getString("next") != null) {
            page = list(Map.of("q", marker, "size", "5", "after", page.getString("next")));
            forward.add(page.getList("items.id", Long.class));
        }
        assertEquals(List.of(5, 5, 3), forward.stream().map(List::size).toList());
        assertEquals(expected, forward.stream().flatMap(List::stream).toList());

        List<List<Long>> backward = new ArrayList<>();
        backward.add(forward.get(2));
        while (page.getString("previous") != null) {
            page = list(Map.of("q", marker, "size", "5", "before", page.getString("previous")));
            backward.add(page.getList("items.id", Long.class));
        }
        Collections.reverse(backward);
        assertEquals(forward, backward);

        // a filter applies on every page: only the PUBLIC ones, still newest first
        List<Long> publicOnes = newestFirst(List.of(ids.get(0), ids.get(3), ids.get(6), ids.get(9), ids.get(12)));
        JsonPath first = list(Map.of("q", marker, "source", "PUBLIC", "size", "2"));
        JsonPath second = list(Map.of("q", marker, "source", "PUBLIC", "size", "2", "after", first.getString("next")));
        JsonPath third = list(Map.of("q", marker, "source", "PUBLIC", "size", "2", "after", second.getString("next")));
        List<Long> walked = new ArrayList<>(first.getList("items.id", Long.class));
        walked.addAll(second.getList("items.id", Long.class));
        walked.addAll(third.getList("items.id", Long.class));
        assertEquals(publicOnes, walked);
        assertNull(third.get("next"));
        assertEquals(5, second.getLong("total"));

        // the offset still works for clients that send page=
        assertEquals(forward.get(1), list(Map.of("q", marker, "size", "5", "page", "1")).getList("items.id", Long.class));

        Api.as("dispatcher").queryParam("after", "yesterday").when().get("/api/cases").then().statusCode(400)
                .body(containsString("after"));
    }

    @Test
    void thePageLinksCarryThePosition() throws SQLException {
        String marker = "链接" + Long.toString(System.nanoTime(), 36);
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 22; i++) {
            ids.add(report("HOTLINE", marker));
        }
        List<Long> expected = newestFirst(ids);
        WebSession dispatcher = WebSession.signIn("dispatcher");
        String first = dispatcher.page().queryParam("q", marker).when().get("/cases").then().statusCode(200)
                .body(containsString("href=\"/cases/" + expected.get(19) + "\"")).body(not(containsString("href=\"/cases/" + expected.get(20) + "\"")))
                .extract().asString();
        String next = link(first, "page=1&amp;after=");
        dispatcher.page().urlEncodingEnabled(false).when().get(next).then().statusCode(200) // the link is encoded already
                .body(containsString("href=\"/cases/" + expected.get(20) + "\"")).body(containsString("href=\"/cases/" + expected.get(21) + "\""))
                .body(not(containsString("href=\"/cases/" + expected.get(19) + "\"")));
    }

    /** The href of the pager link containing {@code part}, unescaped. */
    private static String link(String html, String part) {
        int at = html.indexOf(part);
        int start = html.lastIndexOf("href=\"", at) + 6;
        return html.substring(start, html.indexOf('"', at)).replace("&amp;", "&");
    }

    private static JsonPath list(Map<String, String> query) {
        return Api.as("dispatcher").queryParams(new HashMap<>(query)).when().get("/api/cases").then().statusCode(200).extract().jsonPath();
    }

    private static long report(String source, String marker) {
        Map<String, Object> body = Map.of("source", source, "description", "测试 " + marker, "lat", Cases.LAT, "lon", Cases.LON);
        return ((Number) Api.as("acceptor").body(body).when().post("/api/cases").then().statusCode(201).extract().path("id")).longValue();
    }

    private void sameInstant(List<Long> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE case_file SET created_at = (SELECT created_at FROM case_file WHERE id = ?)"
                        + " WHERE id = ?")) {
            for (long id : ids) {
                ps.setLong(1, ids.get(0));
                ps.setLong(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The ids ordered as the list orders them: creation instant, then id, both descending (read from the store). */
    private List<Long> newestFirst(List<Long> ids) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT created_at FROM case_file WHERE id = ?")) {
            for (long id : ids) {
                ps.setLong(1, id);
                try (var rs = ps.executeQuery()) {
                    rs.next();
                    rows.add(new Row(id, rs.getTimestamp(1).getTime()));
                }
            }
        }
        return rows.stream().sorted(Comparator.comparingLong(Row::createdAt).thenComparingLong(Row::id).reversed()).map(Row::id).toList();
    }
}
