package org.civicgrid.sync;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import org.civicgrid.testsupport.Store;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sync page and the header badge: leaders see the state, admins set the hub (the token is stored sealed, never
 * shown), bad input gets a clear message, and the badge appears for admins and leaders once a hub is set.
 */
@QuarkusTest
class SyncPagesTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    HubLink link;

    @AfterEach
    void forgetTheHub() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.executeUpdate("delete from site_setting where setting_key in ('sync.hub.url', 'sync.hub.token')");
        }
    }

    @Test
    void adminsSetTheHubWithASealedTokenAndTheBadgeAppears() {
        WebSession.signIn("leader").page().when().get("/sync").then().statusCode(200).body(containsString("上报同步"))
                .body(containsString("未设置上级平台")).body(not(containsString("/sync/hub")));
        WebSession admin = WebSession.signIn("admin");
        admin.form().formParam("url", "ftp://county").formParam("token", "t").when().post("/sync/hub").then().statusCode(400)
                .body(containsString("url"));
        String clear = "cgh1_page-test-token";
        admin.form().formParam("url", "https://county.example.cn/").formParam("token", clear).when().post("/sync/hub").then().statusCode(200)
                .body(containsString("已保存")).body(not(containsString(clear)));
        String stored = Store.single(dataSource, "select setting_value from site_setting where setting_key = 'sync.hub.token'");
        assertTrue(stored.startsWith("v1:"), "sealed");
        assertFalse(stored.contains(clear));
        assertEquals(clear, link.token().orElseThrow());
        assertEquals("https://county.example.cn", link.url().orElseThrow());
        WebSession.signIn("leader").page().when().get("/").then().statusCode(200).body(containsString("id=\"sync-badge\""));
        WebSession.signIn("acceptor").page().when().get("/").then().statusCode(200).body(not(containsString("sync-badge")));
        WebSession.signIn("leader").page().cookie("civicgrid-lang", "en").when().get("/sync").then().statusCode(200)
                .body(containsString("Upward sync"));
    }

    @Test
    void theHubPageHasTheCrossSiteMapWithItsTextsAndNoInlineScript() {
        String page = WebSession.signIn("leader").page().when().get("/hub?site=s1").then().statusCode(200)
                .body(containsString("id=\"hub-map\"")).body(containsString("data-site=\"s1\""))
                .body(containsString("案卷分布（各站点）")).body(containsString("REPORTED=待受理;"))
                .body(containsString("/static/bundle/map")).extract().asString();
        assertFalse(page.matches("(?s).*<script>[^<]+</script>.*"), "no inline script body (CSP)");
        WebSession.signIn("leader").page().cookie("civicgrid-lang", "en").when().get("/hub").then().statusCode(200)
                .body(containsString("Cases across sites"));
        WebSession.signIn("acceptor").page().when().get("/hub").then().statusCode(403);
    }
}
