package org.civicgrid.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Set;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.appliance.DataDirectory;
import org.civicgrid.org.Region;
import org.civicgrid.org.RegionRegistry;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.org.StaffForm;
import org.civicgrid.org.StaffRegistry;
import org.civicgrid.web.Problem;
import org.jboss.logging.Logger;

/**
 * 首次设置 — a production install (demo off) starts with no account at all. At start-up without an active
 * admin, a one-time setup code is written to {@code <data-dir>/setup-token} (owner-only) and logged as a path,
 * never as the code; whoever can read the server's files opens {@code /setup}, enters the code, sets the county
 * and creates the first admin. The code is deleted once used. No default password ever exists.
 */
@ApplicationScoped
public class FirstAdminSetup {

    static final String TOKEN_FILE = "setup-token";
    private static final Logger LOG = Logger.getLogger(FirstAdminSetup.class);

    private final ApplianceConfig appliance;
    private final StaffRegistry staff;
    private final RegionRegistry regions;

    FirstAdminSetup(ApplianceConfig appliance, StaffRegistry staff, RegionRegistry regions) {
        this.appliance = appliance;
        this.staff = staff;
        this.regions = regions;
    }

    /** In demo mode the demo preparation calls {@link #check()} once the demo's admin may exist (demo.DemoPreparation). */
    void onStart(@Observes @Priority(2000) StartupEvent event) {
        if (!appliance.demo()) {
            check();
        }
    }

    /** Without an active admin: writes the one-time setup code (once) and says where it is. */
    public void check() {
        if (!hasAdmin() && !Files.exists(tokenFile())) {
            byte[] random = new byte[16];
            new SecureRandom().nextBytes(random);
            try {
                DataDirectory.writeOwnerOnly(tokenFile(), HexFormat.of().formatHex(random) + "\n");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the setup code to " + tokenFile(), e);
            }
        }
        if (pending()) {
            LOG.warnf("No administrator yet. Open /setup and enter the one-time code stored in %s", tokenFile().toAbsolutePath());
        }
    }

    /** True while the site has no active admin and a setup code waits to be used. */
    public boolean pending() {
        return Files.exists(tokenFile()) && !hasAdmin();
    }

    public Path tokenFile() {
        return Path.of(appliance.dataDir()).resolve(TOKEN_FILE);
    }

    /** Checks the code, creates the county (if none) and the first admin, and consumes the code. */
    public synchronized void complete(String code, String countyCode, String countyName, String username, String displayName, String password) {
        if (!pending()) {
            throw Problem.conflict("already_set_up", "this site already has an administrator");
        }
        if (code == null || !MessageDigest.isEqual(readToken().getBytes(StandardCharsets.UTF_8), code.trim().getBytes(StandardCharsets.UTF_8))) {
            throw Problem.badRequest("token", "the setup code is wrong");
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (Region.county().isEmpty()) {
                regions.add(countyCode, countyName);
            }
            staff.create(new StaffForm(username, displayName, null, null, Set.of(Role.ADMIN), true, password));
        });
        try {
            Files.deleteIfExists(tokenFile());
        } catch (IOException e) {
            LOG.warnf("setup done but %s could not be deleted: delete it by hand", tokenFile());
        }
        LOG.infof("first administrator '%s' created through /setup", username);
    }

    private boolean hasAdmin() {
        return QuarkusTransaction.joiningExisting().call(() -> Staff.countWithRole(Role.ADMIN) > 0);
    }

    private String readToken() {
        try {
            return Files.readString(tokenFile(), StandardCharsets.UTF_8).trim();
        } catch (IOException e) {
            throw Problem.conflict("no_setup_code", "no setup code on this site");
        }
    }
}
