package org.civicgrid.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.path.json.JsonPath;

/** The running application's OpenAPI document (admin-only since issue 17), read as the demo admin. */
public final class OpenApiDocument {

    private OpenApiDocument() {
    }

    public static JsonPath fetch() {
        return given().auth().preemptive().basic("admin", Api.DEMO_PASSWORD).accept("application/json")
                .when().get("/q/openapi").then().statusCode(200).extract().jsonPath();
    }
}
