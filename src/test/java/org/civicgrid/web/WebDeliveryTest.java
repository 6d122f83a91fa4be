package org.civicgrid.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.DecoderConfig;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 §5: HTML, JS, CSS and GeoJSON go out compressed; fingerprinted bundles are cached for a year; the grid GeoJSON
 * carries an ETag and answers a revalidation with 304. Prints the sizes (raw and as sent) for the note.
 */
@QuarkusTest
class WebDeliveryTest {

    private static final RestAssuredConfigHolder RAW = new RestAssuredConfigHolder();

    @Test
    void gridGeoJsonIsCompressedAndRevalidated() {
        Response plain = Api.as("inspector").header("Accept-Encoding", "identity").when().get("/api/grids/geojson");
        plain.then().statusCode(200);
        Response zipped = Api.as("inspector").config(RAW.config).header("Accept-Encoding", "gzip").when().get("/api/grids/geojson");
        zipped.then().statusCode(200).header("Content-Encoding", equalTo("gzip"));
        String etag = zipped.header("ETag");
        assertTrue(etag != null && etag.startsWith("\""), "ETag: " + etag);
        Api.as("inspector").header("If-None-Match", etag).when().get("/api/grids/geojson").then().statusCode(304);
        int raw = plain.asByteArray().length;
        int sent = zipped.asByteArray().length;
        System.out.printf("MEASURE grid-geojson raw=%d gzip=%d%n", raw, sent);
        assertTrue(sent * 3 < raw, "GeoJSON compresses well: " + raw + " → " + sent);
    }

    @Test
    void theScreenBundleIsCompressedAndCachedForAYear() {
        WebSession leader = WebSession.signIn("leader");
        String html = leader.page().when().get("/screen").then().statusCode(200).extract().asString();
        leader.page().config(RAW.config).header("Accept-Encoding", "gzip").when().get("/screen").then().statusCode(200)
                .header("Content-Encoding", equalTo("gzip"));
        Matcher m = Pattern.compile("src=\"(/static/bundle/screen-[A-Z0-9]{8}\\.js)\"").matcher(html);
        assertTrue(m.find(), "the 大屏 bundle is linked");
        String bundle = m.group(1);
        Response plain = given().header("Accept-Encoding", "identity").when().get(bundle);
        plain.then().statusCode(200).header("Cache-Control", containsString("immutable"));
        Response zipped = given().config(RAW.config).header("Accept-Encoding", "gzip").when().get(bundle);
        zipped.then().statusCode(200).header("Content-Encoding", equalTo("gzip")).header("Cache-Control", containsString("max-age=31536000"));
        System.out.printf("MEASURE screen-bundle %s raw=%d gzip=%d%n", bundle, plain.asByteArray().length, zipped.asByteArray().length);
        assertTrue(zipped.asByteArray().length * 2 < plain.asByteArray().length);
    }

    /** RestAssured without gzip decoding, to see the bytes as sent. */
    static final class RestAssuredConfigHolder {
        final io.restassured.config.RestAssuredConfig config = RestAssured.config()
                .decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());
    }
}
