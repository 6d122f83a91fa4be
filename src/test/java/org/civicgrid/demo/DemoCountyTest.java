package org.civicgrid.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.civicgrid.testsupport.Api;
import org.civicgrid.testsupport.Store;
import org.junit.jupiter.api.Test;

/** The demo county: loaded once on an empty store, deterministic, and each demo account signs in with its role. */
@QuarkusTest
class DemoCountyTest {

    @Inject
    DemoCounty demo;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void theDemoCountyIsSishui() {
        assertEquals("泗水县", Store.single(dataSource, "select name from region where code = '370831'"));
        assertEquals("4", Store.single(dataSource, "select count(*) from region where region_level = 'STREET'"));
        assertEquals("12", Store.single(dataSource, "select count(*) from region where region_level = 'COMMUNITY'"));
        List<String> departments = Store.column(dataSource, "select name from department order by id");
        for (String expected : List.of("县环境卫生服务中心", "县市政工程服务中心", "县园林绿化服务中心", "县综合行政执法局", "县供水公司", "县燃气公司",
                "县公安局交通警察大队", "泗河街道办事处")) {
            assertEquals(true, departments.contains(expected), expected + " in " + departments);
        }
        assertEquals("370831370831", Store.single(dataSource, "select setting_value || '370831' from site_setting where setting_key = 'demo.loaded'"));
    }

    @Test
    void aSecondLoadAddsNothing() {
        long regions = Store.count(dataSource, "region");
        long departments = Store.count(dataSource, "department");
        long classes = Store.count(dataSource, "department_class");
        long staff = Store.count(dataSource, "staff");
        assertFalse(demo.loadIfEmpty(), "the store is not empty");
        assertEquals(regions, Store.count(dataSource, "region"));
        assertEquals(departments, Store.count(dataSource, "department"));
        assertEquals(classes, Store.count(dataSource, "department_class"));
        assertEquals(staff, Store.count(dataSource, "staff"));
    }

    @Test
    void everyDemoRoleSignsInWithItsRole() {
        String[][] accounts = {{"admin", "ADMIN"}, {"inspector", "INSPECTOR"}, {"acceptor", "ACCEPTOR"}, {"shiftlead", "SHIFT_LEAD"},
                {"dispatcher", "DISPATCHER"}, {"leader", "LEADER"}, {"huanwei", "DEPARTMENT"}};
        for (String[] account : accounts) {
            Api.as(account[0]).when().get("/api/me").then().statusCode(200).body("roles", org.hamcrest.Matchers.hasItem(account[1]))
                    .body("demo", org.hamcrest.Matchers.equalTo(true));
        }
        Api.as("huanwei").when().get("/api/me").then().body("departmentId", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void theLoginPageSaysItIsADemoAndListsTheAccounts() {
        given().when().get("/login").then().statusCode(200)
                .body(containsString("演示模式")).body(containsString("inspector")).body(containsString("dispatcher"))
                .body(containsString("civicgrid"));
    }
}
