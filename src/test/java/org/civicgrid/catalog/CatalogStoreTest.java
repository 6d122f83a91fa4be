package org.civicgrid.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import org.civicgrid.testsupport.Store;
import org.civicgrid.web.Problem;
import org.junit.jupiter.api.Test;

/** The first-start seed as written to disk, and the Java entry points other features call. */
@QuarkusTest
class CatalogStoreTest {

    @Inject
    CatalogSeed seed;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void bothSystemsAreSeededOnce() {
        assertEquals("190", Store.single(dataSource, "select count(*) from case_class where code_system = 'LEGACY' and not local_extension"));
        assertEquals("250", Store.single(dataSource, "select count(*) from case_class where code_system = 'GBT47678' and not local_extension"));
        assertEquals("153", Store.single(dataSource,
                "select count(*) from case_class where code_system = 'GBT47678' and kind = 'COMPONENT' and not local_extension"));
        assertEquals(149, Store.count(dataSource, "class_mapping"));
        long standards = Store.count(dataSource, "filing_standard");
        assertFalse(seed.loadIfEmpty(), "the catalog is not empty");
        assertEquals(standards, Store.count(dataSource, "filing_standard"));
        assertEquals("519", Store.single(dataSource, "select count(*) from filing_standard f join case_class c on c.ref = f.class_ref"
                + " where c.code_system = 'LEGACY' and not c.local_extension"), "the 运城 standards, all on legacy classes");
    }

    @Test
    void otherFeaturesCheckClassesThroughCaseClasses() {
        assertEquals("上水井盖", QuarkusTransaction.requiringNew().call(() -> CaseClasses.require("component:0101").name));
        assertEquals("私搭乱建", QuarkusTransaction.requiringNew().call(() -> CaseClasses.require("incident:0101").name));
        Problem unknown = assertThrows(Problem.class, () -> QuarkusTransaction.requiringNew().call(() -> CaseClasses.require("component:0000")));
        assertEquals(400, unknown.status());
        assertEquals("classCode", unknown.field());
        List<FilingStandard> standards = QuarkusTransaction.requiringNew().call(() -> FilingStandard.forClass("incident:0101"));
        assertEquals(2, standards.size());
        assertEquals("natural_day", standards.get(0).limitUnit, "紧急工作日 as the source system reads it");
    }
}
