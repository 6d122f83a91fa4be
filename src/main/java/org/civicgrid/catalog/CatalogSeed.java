package org.civicgrid.catalog;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.catalog.CatalogViews.ImportReport;
import org.civicgrid.catalog.ReferenceTables.ClassRow;
import org.civicgrid.catalog.ReferenceTables.MappingRow;
import org.civicgrid.demo.DemoConfig;
import org.jboss.logging.Logger;

/**
 * 分类初始数据 — on the first start (no class stored yet) loads both code systems, the legacy → GB/T 47678.5 mapping
 * and the 运城 filing standards from the shipped reference tables, in one transaction, demo mode or not. Runs before
 * the demo county (priority 500 &lt; 1000), whose departments name these classes. A store that holds any class is
 * left alone: what the admin changed stays changed. A demo prepared in the background (demo.DemoPreparation) runs it
 * there instead, off the start path.
 */
@ApplicationScoped
public class CatalogSeed {

    private static final Logger LOG = Logger.getLogger(CatalogSeed.class);

    private final FilingStandards standards;
    private final ApplianceConfig appliance;
    private final DemoConfig demo;

    CatalogSeed(FilingStandards standards, ApplianceConfig appliance, DemoConfig demo) {
        this.standards = standards;
        this.appliance = appliance;
        this.demo = demo;
    }

    void onStart(@Observes @Priority(500) StartupEvent event) {
        if (!(appliance.demo() && demo.background())) {
            loadIfEmpty();
        }
    }

    /** Loads the reference tables into an empty catalog; returns false (and changes nothing) otherwise. */
    public boolean loadIfEmpty() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (CaseClass.count() > 0) {
                return false;
            }
            List<ClassRow> legacy = ReferenceTables.legacyClasses();
            List<ClassRow> gb = ReferenceTables.gbClasses();
            legacy.forEach(CatalogSeed::persistClass);
            gb.forEach(CatalogSeed::persistClass);
            List<MappingRow> mappings = ReferenceTables.mappings();
            mappings.forEach(CatalogSeed::persistMapping);
            ImportReport report = standards.importCsv(ReferenceTables.filingStandards());
            if (!report.rejected().isEmpty()) {
                throw new IllegalStateException(ReferenceTables.FILING_STANDARDS + " has refused rows: " + report.rejected());
            }
            LOG.infof("class catalog loaded: %d legacy and %d GB/T 47678.5 classes, %d mappings, %d filing standards",
                    legacy.size(), gb.size(), mappings.size(), report.imported());
            return true;
        });
    }

    private static void persistClass(ClassRow row) {
        CaseClass c = new CaseClass();
        c.ref = row.ref();
        c.system = row.system();
        c.kind = row.kind();
        c.code = row.code();
        c.majorCode = row.majorCode();
        c.majorName = row.majorName();
        c.minorCode = row.minorCode();
        c.name = row.name();
        c.persist();
    }

    private static void persistMapping(MappingRow row) {
        ClassMapping mapping = new ClassMapping();
        mapping.legacyRef = row.legacyRef();
        mapping.gbRef = row.gbRef();
        mapping.match = row.match();
        mapping.persist();
    }
}
