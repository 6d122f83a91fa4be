package org.civicgrid.grid.gazetteer;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 19 §4: a picked point gets the nearest gazetteer address (a stored door, a landmark, or a door number
 * interpolated along a road); the box serves its own base map (roads and landmarks with names, GeoJSON with an ETag);
 * the demo door 人民路63号 names the community its grid lies in.
 */
@QuarkusTest
class ReverseGeocodeTest {

    @Test
    void aPickedPointGetsTheNearestAddress() {
        Api.as("acceptor").queryParam("lat", 35.665135).queryParam("lon", 117.253778).when().get("/api/geocode/reverse").then()
                .statusCode(200).body("found", equalTo(true)).body("address", equalTo("人民路63号")).body("kind", equalTo("DOOR"));
        Api.as("acceptor").queryParam("lat", 35.6652).queryParam("lon", 117.2800).when().get("/api/geocode/reverse").then()
                .statusCode(200).body("found", equalTo(true)).body("address", containsString("人民路")).body("address", containsString("号"));
        Api.as("acceptor").queryParam("lat", 36.5).queryParam("lon", 118.5).when().get("/api/geocode/reverse").then()
                .statusCode(200).body("found", equalTo(false));
        Api.as("acceptor").queryParam("lat", "x").when().get("/api/geocode/reverse").then().statusCode(400);
    }

    @Test
    void theBoxServesItsOwnBaseMap() {
        String etag = Api.as("inspector").when().get("/api/basemap").then().statusCode(200)
                .body("type", equalTo("FeatureCollection")).body("features.size()", greaterThan(10))
                .body("features.properties.name", hasItem("人民路")).body("features.geometry.type", hasItem("LineString"))
                .extract().header("ETag");
        Api.as("inspector").header("If-None-Match", etag).when().get("/api/basemap").then().statusCode(304);
    }

    @Test
    void theDemoDoorNamesTheCommunityOfItsGrid() {
        String community = Api.as("acceptor").queryParam("lat", 35.665135).queryParam("lon", 117.253778).when().get("/api/geocode")
                .then().statusCode(200).extract().path("communityName");
        Api.as("acceptor").queryParam("q", "人民路63号").when().get("/api/geocode/search").then().statusCode(200)
                .body("candidates[0].address", containsString(community));
        WebSession.signIn("acceptor").page().when().get("/hotline").then().statusCode(200);
    }
}
