package org.civicgrid.hub;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.civicgrid.org.StaffRegistry;
import org.civicgrid.sync.HttpHubSender;
import org.civicgrid.sync.HubSender;
import org.civicgrid.sync.HubSenders;
import org.civicgrid.sync.SyncProtocol;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.TestCertificates;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Mutual TLS on loopback, for real: this app (the hub, {@link HubPostgresTest.OnPostgresql}) serves HTTPS with {@code quarkus.http.ssl.client-auth=request} and
 * trusts a sites CA; sites A, B and X have certificates the CA signed (made with keytool for this run). A site bound
 * to its certificate gets in only with it — the edge side through {@code civicgrid.hub.tls-configuration-name} —
 * and a valid token with another site's certificate, with none or over plain HTTP is refused (403, saying why).
 */
@QuarkusTest
@TestProfile(HubPostgresTest.OnPostgresql.class) // a hub: on PostgreSQL, with mutual TLS
class HubClientCertificateTest {

    /** One set per JVM: the profile and the test class may be loaded by different class loaders. */
    static final Path DIR = Path.of((String) System.getProperties().computeIfAbsent("hubtls.dir",
            k -> Path.of("target", "hub-mtls-" + ProcessHandle.current().pid()).toAbsolutePath().toString()));

    /** HTTPS asking for client certificates of the sites CA, and the relay's client presenting site A's. */

    @Inject
    HubTokens tokens;

    @Inject
    HubSenders senders;

    @Inject
    ObjectMapper json;

    @Inject
    StaffRegistry staff;

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void accounts() {
        HubPostgresTest.accounts(staff);
    }

    private static io.restassured.specification.RequestSpecification admin() {
        return Api.as("hubadmin", HubPostgresTest.PASSWORD);
    }

    @TestHTTPResource(value = "/", tls = true)
    URL httpsRoot;

    private String https() {
        return "https://localhost:" + httpsRoot.getPort();
    }

    /** A sender for {@code token} presenting {@code client}'s certificate (none when null). */
    private HubSender presenting(String client, String token) throws Exception {
        return new HttpHubSender(https(), token, json, Duration.ofSeconds(30), HttpHubSender.client(set().context(client)), true);
    }

    private static TestCertificates set() {
        return TestCertificates.at(DIR);
    }

    @Test
    void aSiteBoundToItsCertificateGetsInOnlyWithIt() throws Exception {
        String a = "tls-a-" + run;
        String b = "tls-b-" + run;
        String tokenA = tokens.issue(a, "甲镇");
        tokens.issue(b, "乙镇");
        admin().body(Map.of("certificate", set().pem("site-a"))).when().put("/api/hub/sites/" + a + "/certificate").then().statusCode(200)
                .body("certSha256", equalTo(sha256(set().pem("site-a"))));
        String colons = String.join(":", sha256(set().pem("site-b")).toUpperCase(Locale.ROOT).split("(?<=\\G..)"));
        admin().body(Map.of("certificate", colons)).when().put("/api/hub/sites/" + b + "/certificate").then().statusCode(200)
                .body("certSha256", equalTo(sha256(set().pem("site-b"))));

        // the edge's relay client: civicgrid.hub.tls-configuration-name → site A's key store
        SyncProtocol.Ack ack = senders.forHub(https(), tokenA).send(HubPostgresTest.batch(a, 1, 3));
        assertEquals(3, ack.ackedSeq());

        HubSender.SyncException other = assertThrows(HubSender.SyncException.class, () -> presenting("site-b", tokenA).send(HubPostgresTest.batch(a, 4, 1)));
        assertTrue(other.getMessage().contains("403") && other.getMessage().contains("is not the one registered for site " + a)
                && other.getMessage().contains("it is registered for site " + b), other.getMessage());
        HubSender.SyncException none = assertThrows(HubSender.SyncException.class, () -> presenting(null, tokenA).assignments(0));
        assertTrue(none.getMessage().contains("403") && none.getMessage().contains("presented none"), none.getMessage());
        Api.anonymous().header("Authorization", "Bearer " + tokenA).body(HubPostgresTest.batch(a, 4, 1)).when().post("/api/hub/v1/events")
                .then().statusCode(403).body("error", equalTo("client_certificate")); // plain HTTP: no certificate at all
        admin().when().get("/api/hub/sites").then().statusCode(200) // nothing of the refused calls was stored
                .body("find { it.siteId == '" + a + "' }.ackedSeq", equalTo(3)).body("find { it.siteId == '" + a + "' }.eventsReceived", equalTo(3));
    }

    @Test
    void aSiteWithoutACertificateMayCallWithoutOneButNotWithAnotherSites() throws Exception {
        String b = "tls-b2-" + run;
        String c = "tls-c-" + run;
        tokens.issue(b, "乙镇");
        String tokenC = tokens.issue(c, "丙镇");
        admin().body(Map.of("certificate", set().pem("site-b"))).when().put("/api/hub/sites/" + b + "/certificate").then().statusCode(200);
        assertEquals(2, presenting(null, tokenC).send(HubPostgresTest.batch(c, 1, 2)).ackedSeq(), "mutual TLS is optional for a site without a certificate");
        assertEquals(3, presenting("site-x", tokenC).send(HubPostgresTest.batch(c, 3, 1)).ackedSeq(), "a certificate of the CA that no site holds");
        HubSender.SyncException refused = assertThrows(HubSender.SyncException.class, () -> presenting("site-b", tokenC).send(HubPostgresTest.batch(c, 4, 1)));
        assertTrue(refused.getMessage().contains("403") && refused.getMessage().contains("not registered for site " + c)
                && refused.getMessage().contains("registered for site " + b), refused.getMessage());
        admin().when().delete("/api/hub/sites/" + b + "/certificate").then().statusCode(204);
        admin().when().get("/api/hub/sites").then().statusCode(200).body("find { it.siteId == '" + b + "' }.certSha256", nullValue());
        assertEquals(4, presenting("site-b", tokenC).send(HubPostgresTest.batch(c, 4, 1)).ackedSeq(), "the binding is gone");
    }

    @Test
    void registeringACertificateChecksItAndKeepsOneSitePerCertificate() throws Exception {
        String d = "tls-d-" + run;
        String e = "tls-e-" + run;
        tokens.issue(d, "丁镇");
        tokens.issue(e, "戊镇");
        admin().body(Map.of("certificate", "not a certificate")).when().put("/api/hub/sites/" + d + "/certificate").then().statusCode(400)
                .body("field", equalTo("certificate"));
        admin().body(Map.of("certificate", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----")).when()
                .put("/api/hub/sites/" + d + "/certificate").then().statusCode(400).body("message", containsString("X.509"));
        admin().body(Map.of("certificate", set().pem("site-x"))).when().put("/api/hub/sites/nosuch-" + run + "/certificate").then()
                .statusCode(404);
        Api.as("hubleader", HubPostgresTest.PASSWORD).body(Map.of("certificate", set().pem("site-x"))).when().put("/api/hub/sites/" + d + "/certificate").then().statusCode(403);

        WebSession admin = WebSession.signIn("hubadmin", HubPostgresTest.PASSWORD);
        admin.form().formParam("certificate", set().pem("site-x")).when().post("/hub/sites/" + d + "/certificate").then().statusCode(200)
                .body(containsString(sha256(set().pem("site-x")).substring(0, 16)));
        admin.form().formParam("certificate", set().pem("site-x")).when().post("/hub/sites/" + e + "/certificate").then().statusCode(409)
                .body(containsString(d));
        admin.form().formParam("certificate", "").when().post("/hub/sites/" + d + "/certificate").then().statusCode(200);
        admin().when().get("/api/hub/sites").then().statusCode(200).body("find { it.siteId == '" + d + "' }.certSha256", nullValue());
    }

    private static String sha256(String pem) throws Exception {
        byte[] der = CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)))
                .getEncoded();
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(der));
    }

}
