package org.civicgrid.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.List;
import org.civicgrid.appliance.SiteSetting;
import org.civicgrid.org.Department;
import org.civicgrid.org.DepartmentForm;
import org.civicgrid.org.DepartmentRegistry;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionRegistry;
import org.civicgrid.org.Staff;
import org.civicgrid.org.StaffForm;
import org.civicgrid.org.StaffRegistry;
import org.civicgrid.org.routing.RoutingRules;
import org.jboss.logging.Logger;

/**
 * 演示县加载 — on start-up in demo mode, fills an empty store with the demo county. Deterministic (same data,
 * same order, same ids on every empty store) and idempotent: a store that holds any region or account is left
 * alone.
 */
@ApplicationScoped
public class DemoCounty {

    /** Password of every demo account; such accounts sign in only while demo mode is on. */
    public static final String DEMO_PASSWORD = "civicgrid";
    static final String RESOURCE = "demo/sishui-county.json";
    private static final Logger LOG = Logger.getLogger(DemoCounty.class);

    private final DemoConfig demo;
    private final ObjectMapper json;
    private final RegionRegistry regions;
    private final DepartmentRegistry departments;
    private final StaffRegistry staff;
    private final RoutingRules routingRules;
    private final Clock clock;

    DemoCounty(DemoConfig demo, ObjectMapper json, RegionRegistry regions, DepartmentRegistry departments,
            StaffRegistry staff, RoutingRules routingRules, Clock clock) {
        this.routingRules = routingRules;
        this.demo = demo;
        this.json = json;
        this.regions = regions;
        this.departments = departments;
        this.staff = staff;
        this.clock = clock;
    }

    /** Loads the demo county into an empty store; returns false (and changes nothing) otherwise. */
    public boolean loadIfEmpty() {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (Region.count() > 0 || Staff.count() > 0) {
                return false;
            }
            DemoData data = read();
            load(data);
            SiteSetting.put(SiteSetting.DEMO_LOADED, data.county().code(), clock.instant());
            if (demo.history()) {
                DemoHistory.markPending(clock.instant(), clock.getZone());
            }
            LOG.infof("demo county %s %s loaded: %d streets/towns, %d departments, %d demo accounts (password '%s')",
                    data.county().code(), data.county().name(), data.streets().size(), data.departments().size(),
                    data.accounts().size(), DEMO_PASSWORD);
            return true;
        });
    }

    private void load(DemoData data) {
        regions.add(data.county().code(), data.county().name());
        for (DemoData.Street street : data.streets()) {
            regions.add(street.code(), street.name());
            street.communities().forEach(c -> regions.add(c.code(), c.name()));
        }
        for (DemoData.Dept d : data.departments()) {
            departments.create(new DepartmentForm(d.code(), d.name(), d.kind(), d.phone(), d.classCodes(), d.areaCodes(), true));
        }
        for (DemoData.Account a : data.accounts()) {
            Long departmentId = a.department() == null ? null : Department.byCode(a.department()).orElseThrow().id;
            staff.create(new StaffForm(a.username(), a.displayName(), null, departmentId, a.roles(), true, DEMO_PASSWORD), true);
        }
        for (DemoData.Rule r : data.routingRules() == null ? List.<DemoData.Rule>of() : data.routingRules()) {
            routingRules.add(new RoutingRules.Form(r.classRef(), r.areaCode(), Department.byCode(r.department()).orElseThrow().id, r.note()));
        }
    }

    private DemoData read() {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " missing from the application");
            }
            return json.readValue(in, DemoData.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + RESOURCE, e);
        }
    }
}
