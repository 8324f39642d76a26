package io.github.groundedbot.web;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Without admin.token the admin endpoints (reading feedback included) do not exist, whatever token is sent. */
@QuarkusTest
class AdminOffTest {

    @Test
    void adminEndpointsAreOffWithoutAToken() {
        given().header("Authorization", "Bearer anything").get("/api/knowledge/status")
                .then().statusCode(404).contentType("application/problem+json").body("status", equalTo(404));
        given().post("/api/knowledge/reload")
                .then().statusCode(404).contentType("application/problem+json");
        given().header("Authorization", "Bearer anything").get("/api/feedback")
                .then().statusCode(404).contentType("application/problem+json");
    }
}
