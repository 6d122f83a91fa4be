package org.civicgrid.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Optional;
import org.civicgrid.appliance.ApplianceConfig;
import org.civicgrid.org.Passwords;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.jboss.logging.Logger;

/**
 * 登录校验 — decides whether a username and password may sign in (throttling, bcrypt, active account, demo
 * accounts only in demo mode) and turns a staff row into the request's security identity.
 */
@ApplicationScoped
public class SignIn {

    static final String STAFF_ID = "staffId";
    static final String DEPARTMENT_ID = "departmentId";
    static final String DISPLAY_NAME = "displayName";
    private static final Logger LOG = Logger.getLogger(SignIn.class);

    private final Passwords passwords;
    private final ApplianceConfig appliance;
    private final Clock clock;
    private final LoginThrottle throttle;
    private final VerifiedCredentials verified;
    private final KnownStaff known;

    SignIn(Passwords passwords, ApplianceConfig appliance, SecurityConfig config, Clock clock, KnownStaff known) {
        this.known = known;
        this.passwords = passwords;
        this.appliance = appliance;
        this.clock = clock;
        this.throttle = new LoginThrottle(clock, config.failureWindow(), config.firstDelay(), config.maxFailuresPerUser(),
                config.maxFailuresPerAddress());
        this.verified = new VerifiedCredentials(clock, config.verifiedCredentialTtl());
    }

    /** Checks a password sign-in (blocking: runs bcrypt and reads the store). */
    SecurityIdentity verify(String rawUsername, String password, String address, boolean interactive) {
        String username = Staff.normaliseUsername(rawUsername);
        if (throttle.isLocked(username, address)) {
            audit(username, address, SignInLog.Outcome.LOCKED);
            LOG.warnf("sign-in locked for '%s' from %s (too many failures)", username, address);
            throw new AuthenticationFailedException("too many failed attempts; try again later");
        }
        Optional<KnownStaff.Account> staff = known.find(username);
        if (!passwordMatches(staff, username, password) || !maySignIn(staff.get())) {
            throttle.recordFailure(username, address);
            audit(username, address, SignInLog.Outcome.FAILED);
            throw new AuthenticationFailedException("wrong username or password");
        }
        throttle.recordSuccess(username, address);
        if (interactive) {
            audit(username, address, SignInLog.Outcome.SIGNED_IN);
        }
        return identityOf(staff.get());
    }

    /**
     * The identity without blocking, when the account is cached and this exact password was verified a moment ago
     * (the common case for scripts and for every request of a signed-in person); empty when the slow path
     * ({@link #verify}) must decide.
     */
    Optional<SecurityIdentity> verifyFromCache(String rawUsername, String password, String address, boolean interactive) {
        String username = Staff.normaliseUsername(rawUsername);
        if (interactive || throttle.isLocked(username, address)) {
            return Optional.empty();
        }
        return known.cached(username)
                .filter(staff -> maySignIn(staff) && verified.isKnown(username, staff.passwordHash(), password))
                .map(this::identityOf);
    }

    /** The session user's identity without blocking, when the account is cached. */
    Optional<SecurityIdentity> restoreFromCache(String username) {
        return known.cached(username).filter(this::maySignIn).map(this::identityOf);
    }

    /** Rebuilds the identity of a session cookie's user; fails when the account was deactivated since. */
    SecurityIdentity restore(String username) {
        KnownStaff.Account staff = known.find(username).orElse(null);
        if (staff == null || !maySignIn(staff)) {
            throw new AuthenticationFailedException("account no longer active");
        }
        return identityOf(staff);
    }

    /** bcrypt, unless this exact password was verified against this exact hash a moment ago. */
    private boolean passwordMatches(Optional<KnownStaff.Account> staff, String username, String password) {
        if (staff.isEmpty()) {
            passwords.decoyCheck(password);
            return false;
        }
        String hash = staff.get().passwordHash();
        if (verified.isKnown(username, hash, password)) {
            return true;
        }
        boolean matches = passwords.matches(password, hash);
        if (matches) {
            verified.remember(username, hash, password);
        }
        return matches;
    }

    private boolean maySignIn(KnownStaff.Account staff) {
        return staff.active() && (!staff.demo() || appliance.demo());
    }

    private SecurityIdentity identityOf(KnownStaff.Account staff) {
        QuarkusSecurityIdentity.Builder builder = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(staff.username()))
                .addAttribute(STAFF_ID, staff.id())
                .addAttribute(DISPLAY_NAME, staff.displayName());
        if (staff.departmentId() != null) {
            builder.addAttribute(DEPARTMENT_ID, staff.departmentId());
        }
        for (Role role : staff.roles()) {
            builder.addRole(role.name());
        }
        return builder.build();
    }

    private void audit(String username, String address, SignInLog.Outcome outcome) {
        QuarkusTransaction.requiringNew().run(() -> SignInLog.of(clock.instant(), username, address, outcome).persist());
    }
}
