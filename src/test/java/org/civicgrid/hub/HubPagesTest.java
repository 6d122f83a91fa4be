package org.civicgrid.hub;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.org.StaffRegistry;
import org.civicgrid.sync.HttpHubSender;
import org.civicgrid.sync.HubSender.SyncException;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.testsupport.Await;
import org.civicgrid.testsupport.GpsJpeg;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * 一张网 pages on PostgreSQL, without the API: an admin registers a town on {@code /hub} and sees its token once, the
 * token carries a real batch and a re-issued one replaces it; bad or duplicate site ids are refused with nothing stored;
 * a leader gives a 上级交办 from the form, the API lists it with its site and deadline, and once the town pulls and
 * handles it the list links its case; a case ingested through a real batch has its page with history and photo, whose
 * bytes are served under the case to the hub's roles only.
 */
@QuarkusTest
@TestProfile(HubPostgresTest.OnPostgresql.class)
class HubPagesTest {

    static final String PASSWORD = HubPostgresTest.PASSWORD;
    static final String ADMIN = "hubadmin";
    static final String LEADER = "hubleader";
    static final String INSPECTOR = "hubinspector";
    private static final Pattern TOKEN = Pattern.compile("<code id=\"token-value\" class=\"token\">(cgh1_[A-Za-z0-9_-]{43})</code>");
    private static final String FORM = "application/x-www-form-urlencoded; charset=UTF-8";

    @io.quarkus.test.common.http.TestHTTPResource(value = "/", tls = true)
    java.net.URL httpsRoot;

    @Inject
    HubTokens tokens;
    @Inject
    StaffRegistry staff;
    @Inject
    ObjectMapper json;

    @BeforeEach
    void accounts() {
        HubPostgresTest.accounts(staff);
    }

    /**
     * The hub takes client certificates ({@code client-auth=request}, as {@code %hub} runs): that must not turn the sign-in
     * redirect of a person's browser into a bare 401 — pages send anonymous visitors to the login page, the API answers
     * 401 with its Basic challenge, over HTTP and HTTPS alike.
     */
    @Test
    void anAnonymousVisitorIsSentToSignInAndAnApiCallerGetsTheBasicChallenge() {
        for (String page : List.of("/hub", "/hub/evaluation", "/hub/cases/nosuch/1", "/")) {
            given().redirects().follow(false).accept("text/html").get(page).then().statusCode(302).header("Location", containsString("/login"));
        }
        given().redirects().follow(false).accept("application/json").get("/api/hub/sites").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Basic"));
        given().relaxedHTTPSValidation().baseUri("https://localhost").port(httpsRoot.getPort()).redirects().follow(false).accept("text/html")
                .get("/hub").then().statusCode(302).header("Location", containsString("/login"));
    }

    @Test
    void anAdminRegistersATownSeesItsTokenOnceAndTheTokenCarriesABatchUntilReissued() throws Exception {
        String site = unique("ui-reg");
        WebSession admin = WebSession.signIn(ADMIN, PASSWORD);
        Response issued = admin.form().formParam("siteId", site).formParam("name", "泗张镇").when().post("/hub/sites");
        issued.then().statusCode(200).header("Cache-Control", "no-store");
        String html = issued.asString();
        String token = token(html);
        assertTrue(html.contains("令牌只显示这一次"), "the once-only warning");
        assertTrue(html.contains("「上报同步」页（/sync）"), "where the town box takes it");
        assertTrue(html.contains("<code>civicgrid.site-id=" + site + "</code>"), "the site id the box must have");
        assertTrue(html.contains("<code>http://localhost:" + RestAssured.port + "</code>"), "the hub's address to enter");
        assertEquals("泗张镇", HubSite.<HubSite>findByIdOptional(site).orElseThrow().name);

        HttpHubSender town = sender(token);
        assertEquals(5, town.send(HubPostgresTest.batch(site, 1, 5)).ackedSeq(), "the token from the page authenticates the town's batch");

        String later = admin.page().when().get("/hub").then().statusCode(200).extract().asString();
        assertFalse(later.contains(token), "the token is not shown again");
        assertFalse(later.contains("id=\"token-value\""));
        assertTrue(later.contains("<code>" + site + "</code>"));

        // re-issue: refused without the confirmation (the old token still works), then the old token stops working
        admin.form().when().post("/hub/sites/" + site + "/token").then().statusCode(400).body(containsString("请勾选确认：原令牌将立即作废"));
        assertEquals(10, town.send(HubPostgresTest.batch(site, 6, 5)).ackedSeq());
        String again = admin.form().formParam("confirm", "yes").when().post("/hub/sites/" + site + "/token").then().statusCode(200)
                .header("Cache-Control", "no-store").body(containsString("原令牌已立即作废")).extract().asString();
        String renewed = token(again);
        assertNotEquals(token, renewed);
        SyncException refused = assertThrows(SyncException.class, () -> town.send(HubPostgresTest.batch(site, 11, 5)));
        assertTrue(refused.getMessage().startsWith("hub answered 401"), refused.getMessage());
        assertEquals(15, sender(renewed).send(HubPostgresTest.batch(site, 11, 5)).ackedSeq(), "the new token carries the next batch");
        assertEquals("泗张镇", HubSite.<HubSite>findByIdOptional(site).orElseThrow().name, "re-issuing keeps the name");

        admin.form().formParam("confirm", "yes").when().post("/hub/sites/" + unique("nosuch") + "/token").then().statusCode(404);
        admin.page().cookie("civicgrid-lang", "en").contentType(FORM).formParam("siteId", unique("ui-en")).when().post("/hub/sites").then()
                .statusCode(200).body(containsString("This token is shown this once only"));
    }

    @Test
    void aBadOrDuplicateSiteIdIsRefusedWithA4xxPageAndNothingStored() {
        WebSession admin = WebSession.signIn(ADMIN, PASSWORD);
        long before = HubSite.count();
        for (String bad : List.of("", "   ", "泗张镇", "a b", "a/b", "<script>x</script>", "x".repeat(65))) {
            String html = admin.form().formParam("siteId", bad).formParam("name", "某镇").when().post("/hub/sites").then().statusCode(400)
                    .extract().asString();
            assertTrue(html.contains("站点编号：须为 1–64 位字母、数字、点、连字符或下划线"), bad + ": " + html);
            assertFalse(html.contains("id=\"token-value\""));
            assertFalse(html.contains("<script>x"), "the sent value is escaped");
        }
        String longName = unique("ui-long");
        admin.form().formParam("siteId", longName).formParam("name", "镇".repeat(101)).when().post("/hub/sites").then().statusCode(400)
                .body(containsString("名称：最多 100 个字符"));
        assertNull(HubSite.findById(longName));
        assertEquals(before, HubSite.count(), "nothing stored");

        String site = unique("ui-dup");
        String first = token(admin.form().formParam("siteId", site).formParam("name", "甲镇").when().post("/hub/sites").then().statusCode(200)
                .extract().asString());
        String hash = HubSite.<HubSite>findByIdOptional(site).orElseThrow().tokenHash;
        String html = admin.form().formParam("siteId", site).formParam("name", "乙镇").when().post("/hub/sites").then().statusCode(409)
                .extract().asString();
        assertTrue(html.contains("站点 " + site + " 已登记；如需新令牌，请重新签发"), html);
        assertTrue(html.contains("value=\"" + site + "\""), "the form keeps what was sent");
        assertFalse(html.contains("id=\"token-value\""));
        HubSite kept = HubSite.<HubSite>findByIdOptional(site).orElseThrow();
        assertEquals("甲镇", kept.name);
        assertEquals(hash, kept.tokenHash, "the first token still stands");
        assertEquals(HubTokens.hash(first), kept.tokenHash);
        admin.page().cookie("civicgrid-lang", "en").contentType(FORM).formParam("siteId", site).when().post("/hub/sites").then().statusCode(409)
                .body(containsString("is already registered: re-issue its token instead"));
    }

    /** Another admin's registration of the same id commits while this one waits on it: one site, the first's, and a 409 page. */
    @Test
    void twoRegistrationsOfOneNewIdAtOnceKeepTheFirstAndRefuseTheSecond() throws Exception {
        String site = unique("ui-race");
        WebSession admin = WebSession.signIn(ADMIN, PASSWORD);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection first = connect()) {
            first.setAutoCommit(false);
            try (PreparedStatement insert = first.prepareStatement("insert into hub_site (site_id, name, token_hash, acked_seq, backlog, "
                    + "events_received, created_at) values (?, '先登记镇', ?, 0, 0, 0, now())")) {
                insert.setString(1, site);
                insert.setString(2, "0".repeat(64));
                insert.executeUpdate();
            }
            Future<Response> second = pool.submit(() -> admin.form().formParam("siteId", site).formParam("name", "后登记镇").when().post("/hub/sites"));
            Await.until("the form's insert waits for the other registration", () -> {
                if (second.isDone()) {
                    throw new AssertionError("answered without waiting: " + done(second));
                }
                return waitingOnLock() > 0;
            });
            first.commit();
            Response refused = second.get();
            assertEquals(409, refused.statusCode(), refused.asString());
            assertTrue(refused.asString().contains("站点 " + site + " 已登记；如需新令牌，请重新签发"));
            assertFalse(refused.asString().contains("id=\"token-value\""));
        } finally {
            pool.shutdownNow();
        }
        HubSite kept = HubSite.<HubSite>findByIdOptional(site).orElseThrow();
        assertEquals("先登记镇", kept.name);
        assertEquals("0".repeat(64), kept.tokenHash);
    }

    private static Connection connect() throws java.sql.SQLException {
        return DriverManager.getConnection(HubPostgresTest.URL + "?currentSchema=" + HubPostgresTest.SCHEMA,
                System.getProperty("civicgrid.test.pg-user", "postgres"), null);
    }

    private static String done(Future<Response> answer) {
        try {
            return answer.get().statusCode() + " " + answer.get().asString();
        } catch (Exception e) {
            return String.valueOf(e);
        }
    }

    /** Sessions waiting on a lock over hub_site: asked on a connection of its own (a transaction sees pg_stat_activity once). */
    private static long waitingOnLock() {
        try (Connection c = connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select count(*) from pg_stat_activity where wait_event_type = 'Lock' and query like '%hub_site%' and pid <> pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aLeaderMayNotRegisterOrReissueAndAFormFromAnotherSiteIsRefused() {
        String site = unique("ui-403");
        WebSession leader = WebSession.signIn(LEADER, PASSWORD);
        leader.form().formParam("siteId", site).when().post("/hub/sites").then().statusCode(403);
        assertNull(HubSite.findById(site));
        String existing = unique("ui-403b");
        String hash = HubTokens.hash(tokens.issue(existing, "丙镇"));
        leader.form().formParam("confirm", "yes").when().post("/hub/sites/" + existing + "/token").then().statusCode(403);
        assertEquals(hash, HubSite.<HubSite>findByIdOptional(existing).orElseThrow().tokenHash);
        String page = leader.page().when().get("/hub").then().statusCode(200).extract().asString();
        assertFalse(page.contains("action=\"/hub/sites\""), "a leader sees no registration form");
        assertTrue(page.contains("action=\"/hub/assignments\""), "but the 上级交办 form");

        WebSession admin = WebSession.signIn(ADMIN, PASSWORD);
        admin.pageWithoutToken().contentType(FORM).formParam("siteId", site).when().post("/hub/sites").then().statusCode(403)
                .body(containsString("reload"));
        admin.pageWithoutToken().contentType(FORM).formParam("confirm", "yes").when().post("/hub/sites/" + existing + "/token").then()
                .statusCode(403);
        admin.pageWithoutToken().contentType(FORM).formParam("siteId", existing).formParam("description", "跨站提交").formParam("lat", "35.6")
                .formParam("lon", "117.2").formParam("dueAt", "2031-01-01T10:00").when().post("/hub/assignments").then().statusCode(403);
        assertNull(HubSite.findById(site));
        assertEquals(hash, HubSite.<HubSite>findByIdOptional(existing).orElseThrow().tokenHash);
        assertEquals(0, HubAssignment.count("siteId", existing));
        WebSession inspector = WebSession.signIn(INSPECTOR, PASSWORD);
        inspector.form().formParam("siteId", existing).formParam("description", "x").formParam("lat", "35.6").formParam("lon", "117.2")
                .formParam("dueAt", "2031-01-01T10:00").when().post("/hub/assignments").then().statusCode(403);
        assertEquals(0, HubAssignment.count("siteId", existing));
    }

    @Test
    void anAssignmentFromTheFormIsListedByTheApiAndShowsItsCaseOnceTheTownHandlesIt() throws Exception {
        String site = unique("ui-asg");
        HttpHubSender town = sender(tokens.issue(site, "丁镇"));
        WebSession leader = WebSession.signIn(LEADER, PASSWORD);
        String page = leader.page().when().get("/hub?site=" + site).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<option value=\"" + site + "\" selected>丁镇（" + site + "）</option>"), "the site chosen above is preselected");

        // refused input: the page names the field in Chinese, keeps what was typed, stores nothing
        String description = "<b>井盖缺失</b> 人民路与建设路口";
        String past = leader.form().formParam("siteId", site).formParam("description", description).formParam("lat", "35.6612")
                .formParam("lon", "117.2701").formParam("dueAt", "2020-01-01T09:00").when().post("/hub/assignments").then().statusCode(400)
                .extract().asString();
        assertTrue(past.contains("办理期限：须填写晚于现在的期限"), past);
        assertTrue(past.contains("&lt;b&gt;井盖缺失&lt;/b&gt; 人民路与建设路口</textarea>"), "the description again, escaped");
        leader.form().formParam("siteId", site).formParam("description", description).formParam("lat", "35,66").formParam("lon", "117.27")
                .formParam("dueAt", "2031-06-01T18:00").when().post("/hub/assignments").then().statusCode(400).body(containsString("纬度：不是数字：35,66"));
        leader.form().formParam("siteId", site).formParam("description", description).formParam("lon", "117.27").formParam("dueAt", "2031-06-01T18:00")
                .when().post("/hub/assignments").then().statusCode(400).body(containsString("纬度：须填写位置（WGS84 纬度、经度）"));
        leader.form().formParam("siteId", unique("nosuch")).formParam("description", description).formParam("lat", "35.66").formParam("lon", "117.27")
                .formParam("dueAt", "2031-06-01T18:00").when().post("/hub/assignments").then().statusCode(400)
                .body(containsString("站点编号：请选择本平台已登记的站点"));
        leader.form().formParam("siteId", site).formParam("description", "  ").formParam("lat", "35.66").formParam("lon", "117.27")
                .formParam("dueAt", "2031-06-01 18:00").when().post("/hub/assignments").then().statusCode(400)
                .body(containsString("办理期限：请按 2026-12-08T18:00 的格式填写日期和时间"));
        leader.page().cookie("civicgrid-lang", "en").contentType(FORM).formParam("siteId", site).formParam("description", description)
                .formParam("lat", "35.66").formParam("lon", "117.27").formParam("dueAt", "2020-01-01T09:00").when().post("/hub/assignments").then()
                .statusCode(400).body(containsString("dueAt: the deadline, in the future"));
        assertEquals(0, HubAssignment.count("siteId", site), "nothing stored");

        Response made = leader.form().formParam("siteId", site).formParam("description", description).formParam("address", "人民路 1 号")
                .formParam("lat", "35.6612").formParam("lon", "117.2701").formParam("classCode", "component:01002")
                .formParam("dueAt", "2031-06-01T18:00").when().post("/hub/assignments");
        made.then().statusCode(303);
        Matcher id = Pattern.compile("/hub\\?assigned=(\\d+)#hub-assignments$").matcher(made.header("Location"));
        assertTrue(id.find(), made.header("Location"));
        long assignmentId = Long.parseLong(id.group(1));

        JsonPath listed = given().auth().preemptive().basic(LEADER, PASSWORD).accept("application/json").get("/api/hub/assignments?site=" + site)
                .then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(assignmentId), listed.getList("id", Long.class));
        assertEquals(site, listed.getString("[0].siteId"));
        assertEquals("2031-06-01T10:00:00Z", listed.getString("[0].dueAt"), "18:00 in Asia/Shanghai");
        assertEquals(description, listed.getString("[0].description"));
        assertEquals("component:01002", listed.getString("[0].classCode"));
        assertEquals(35.6612, listed.getDouble("[0].lat"), 1e-9);
        assertEquals("测试" + LEADER, listed.getString("[0].createdBy"));

        String after = leader.page().when().get("/hub?assigned=" + assignmentId).then().statusCode(200).extract().asString();
        assertTrue(after.contains("上级交办 #" + assignmentId + " 已下达"), "the notice");
        String row = row(after, "data-assignment-id=\"" + assignmentId + "\"");
        assertTrue(row.contains("待站点接收") && row.contains("2031-06-01 18:00") && row.contains("&lt;b&gt;井盖缺失"), row);

        // the town pulls it and reports the case it became: the list shows the case's number, stage and link
        List<SyncProtocol.Assignment> pulled = town.assignments(0);
        assertEquals(List.of(assignmentId), pulled.stream().map(SyncProtocol.Assignment::assignmentId).toList());
        Instant at = Instant.parse("2031-05-30T02:00:00Z");
        SyncProtocol.CaseState state = new SyncProtocol.CaseState(site + "-SJ-0001", "SUPERIOR", "component:01002", description, "人民路 1 号", 35.6612,
                117.2701, null, "HANDLING", 2, null, assignmentId, at, null);
        List<SyncProtocol.HistoryRow> rows = List.of(
                new SyncProtocol.HistoryRow(1, "report", null, "REPORTED", "上级平台", null, at, null, null, null),
                new SyncProtocol.HistoryRow(2, "dispatch", "REPORTED", "HANDLING", "派遣员甲", "DISPATCHER", at.plusSeconds(60), null, null, null));
        town.send(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, List.of(new SyncProtocol.Event(UUID.randomUUID().toString(), 1,
                "case.dispatch", 7, at.plusSeconds(60), state, rows, List.of(), null, null))));
        String handled = row(leader.page().when().get("/hub").then().statusCode(200).extract().asString(),
                "data-assignment-id=\"" + assignmentId + "\"");
        assertTrue(handled.contains("<a href=\"/hub/cases/" + site + "/7\">" + site + "-SJ-0001</a>"), handled);
        assertTrue(handled.contains("站点已立案办理") && handled.contains("处置中"), handled);
        leader.page().when().get("/hub/cases/" + site + "/7").then().statusCode(200).body(containsString("id=\"case-assignment\">#" + assignmentId))
                .body(containsString("2031-06-01 18:00"));
    }

    @Test
    void aCaseIngestedThroughABatchHasItsPageWithHistoryAndPhotoServedToTheHubRolesOnly() throws Exception {
        String site = unique("ui-case");
        HttpHubSender town = sender(tokens.issue(site, "戊镇"));
        byte[] jpeg = GpsJpeg.plain();
        String sha = sha256(jpeg);
        String missing = sha256("not uploaded".getBytes());
        Instant at = Instant.parse("2026-11-23T01:00:00Z");
        SyncProtocol.CaseState state = new SyncProtocol.CaseState(site + "-0042", "INSPECTOR", "component:01002", "污水井盖破损 <i>急</i>",
                "建设路 8 号", 35.66, 117.27, "370831001001", "HANDLING", 3, at.plusSeconds(7200), null, at, null);
        List<SyncProtocol.HistoryRow> history = List.of(
                new SyncProtocol.HistoryRow(1, "report", null, "REPORTED", "监督员张三", "INSPECTOR", at, null, null, null),
                new SyncProtocol.HistoryRow(2, "file", "REPORTED", "FILED", "值班长李四", "SHIFT_LEAD", at.plusSeconds(600), "符合立案条件", null,
                        null),
                new SyncProtocol.HistoryRow(3, "dispatch", "FILED", "HANDLING", "派遣员王五", "DISPATCHER", at.plusSeconds(1200),
                        "请今日处置 <script>alert(1)</script>", at.plusSeconds(86_400), null));
        List<SyncProtocol.AttachmentRef> photos = List.of(new SyncProtocol.AttachmentRef(sha, "PHOTO", "image/jpeg", jpeg.length, 1, null),
                new SyncProtocol.AttachmentRef(missing, "PHOTO", "image/jpeg", 12, 1, null));
        SyncProtocol.Ack ack = town.send(new SyncProtocol.Batch(SyncProtocol.VERSION, site, 0, List.of(new SyncProtocol.Event(UUID.randomUUID().toString(),
                1, "case.dispatch", 42, at.plusSeconds(1200), state, history, photos, null, null))));
        assertTrue(ack.missingBlobs().contains(sha), "the hub asks for the photo");
        Path file = GpsJpeg.file(jpeg, "hub-page-photo.jpg");
        town.upload(sha, "image/jpeg", file);

        WebSession leader = WebSession.signIn(LEADER, PASSWORD);
        String list = leader.page().when().get("/hub?site=" + site).then().statusCode(200).extract().asString();
        assertTrue(list.contains("<a class=\"hub-case-link\" href=\"/hub/cases/" + site + "/42\">" + site + "-0042</a>"), "the list links the case");

        String html = leader.page().when().get("/hub/cases/" + site + "/42").then().statusCode(200).extract().asString();
        assertTrue(html.contains("<td id=\"case-number\">" + site + "-0042</td>"), html);
        assertTrue(html.contains("戊镇 <code>" + site + "</code>"));
        assertTrue(html.contains("<td id=\"case-description\">污水井盖破损 &lt;i&gt;急&lt;/i&gt;</td>"));
        assertTrue(html.contains("<code>370831001001</code>"), "the unit grid");
        assertTrue(html.contains("<td id=\"stage-deadline\">2026-11-23 11:00</td>"), "09:00 +08:00 plus two hours");
        assertTrue(html.contains("<td id=\"evaluation-due\">2026-11-24 09:00</td>"), "the 考核时限 the dispatch set");
        assertEquals(3, count(html, "<tr class=\"history-row\">"));
        String dispatch = row(html, "派遣员王五");
        assertTrue(dispatch.contains("2026-11-23 09:20") && dispatch.contains("派遣") && dispatch.contains("待派遣 → 处置中")
                && dispatch.contains("派遣员") && dispatch.contains("请今日处置 &lt;script&gt;alert(1)&lt;/script&gt;"), dispatch);
        assertTrue(row(html, "监督员张三").contains("上报登记"));
        assertTrue(row(html, "值班长李四").contains("符合立案条件"));
        assertFalse(html.contains("<script>alert(1)"));
        Matcher img = Pattern.compile("<img src=\"(/hub/cases/" + Pattern.quote(site) + "/42/attachments/(\\d+))\"").matcher(html);
        assertTrue(img.find(), "the received photo is shown");
        assertFalse(img.find(), "the one not uploaded is not an image");
        assertTrue(html.contains("附件尚未上传到本平台"));
        String url = "/hub/cases/" + site + "/42/attachments/" + HubAttachment.<HubAttachment>find("siteId = ?1 and sha256 = ?2", site, sha)
                .firstResult().id;
        assertTrue(html.contains("<img src=\"" + url + "\""), html);

        Response photo = leader.page().when().get(url);
        photo.then().statusCode(200).contentType("image/jpeg").header("Content-Security-Policy", containsString("sandbox"))
                .header("X-Content-Type-Options", "nosniff");
        assertArrayEquals(jpeg, photo.asByteArray());
        WebSession.signIn(ADMIN, PASSWORD).page().when().get(url).then().statusCode(200);
        WebSession.signIn(INSPECTOR, PASSWORD).page().when().get(url).then().statusCode(403);
        WebSession.signIn(INSPECTOR, PASSWORD).page().when().get("/hub/cases/" + site + "/42").then().statusCode(403);
        given().redirects().follow(false).get(url).then().statusCode(302).header("Location", containsString("/login")); // anonymous: sign in first
        long missingId = HubAttachment.<HubAttachment>find("siteId = ?1 and sha256 = ?2", site, missing).firstResult().id;
        leader.page().when().get("/hub/cases/" + site + "/42/attachments/" + missingId).then().statusCode(404);
        leader.page().when().get(url.replace("/42/", "/43/")).then().statusCode(404); // another case's path does not reach it

        given().auth().preemptive().basic(LEADER, PASSWORD).accept("application/json").get("/api/hub/cases/" + site + "/42").then().statusCode(200)
                .body("history.size()", org.hamcrest.Matchers.equalTo(3));
    }

    @Test
    void anUnknownSiteOrCaseIsA404PageInTheUsersLanguage() {
        String site = unique("ui-404");
        tokens.issue(site, "己镇");
        WebSession leader = WebSession.signIn(LEADER, PASSWORD);
        leader.page().when().get("/hub/cases/" + site + "/999").then().statusCode(404).contentType(containsString("text/html"))
                .body(containsString("页面不存在")).body(not(containsString("Exception")));
        leader.page().when().get("/hub/cases/" + unique("nosuch") + "/1").then().statusCode(404).body(containsString("页面不存在"));
        leader.page().cookie("civicgrid-lang", "en").when().get("/hub/cases/" + site + "/999").then().statusCode(404)
                .body(containsString("Not found")).body(containsString("case 999 of site " + site + " not found"));
        leader.page().when().get("/hub/cases/" + site + "/abc").then().statusCode(400);
    }

    private HttpHubSender sender(String token) {
        return new HttpHubSender("http://localhost:" + RestAssured.port, token, json, Duration.ofSeconds(60));
    }

    private static String token(String html) {
        Matcher m = TOKEN.matcher(html);
        assertTrue(m.find(), "the page shows the token: " + html);
        String token = m.group(1);
        assertFalse(m.find(), "once");
        return token;
    }

    /** The table row holding {@code marker}. */
    private static String row(String html, String marker) {
        int at = html.indexOf(marker);
        assertTrue(at >= 0, "no row with " + marker);
        return html.substring(html.lastIndexOf("<tr", at), html.indexOf("</tr>", at));
    }

    private static int count(String html, String needle) {
        return html.split(Pattern.quote(needle), -1).length - 1;
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }
}
