package org.civicgrid.testsupport;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Shared request builders: a demo account (password {@code civicgrid}) calling the API with HTTP Basic. */
public final class Api {

    public static final String DEMO_PASSWORD = "civicgrid";

    private Api() {
    }

    public static RequestSpecification as(String username) {
        return as(username, DEMO_PASSWORD);
    }

    public static RequestSpecification as(String username, String password) {
        return given().auth().preemptive().basic(username, password).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification anonymous() {
        return given().contentType(ContentType.JSON).accept(ContentType.JSON).redirects().follow(false);
    }
}
