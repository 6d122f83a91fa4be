package org.civicgrid.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.civicgrid.org.Role;
import org.civicgrid.org.Staff;
import org.civicgrid.org.StaffChanged;

/**
 * 账号缓存 — the sign-in view of each account (hash, roles, department, active, demo), read once and kept until the
 * account changes: every request is authenticated, so this spares a store read per request. Any
 * {@link StaffChanged} (after its transaction ends) empties the cache, so a deactivation takes effect at once.
 */
@ApplicationScoped
class KnownStaff {

    /** What sign-in needs to know of an account. */
    record Account(Long id, String username, String displayName, String passwordHash, Long departmentId, Set<Role> roles,
            boolean active, boolean demo) {
    }

    private static final Account NONE = new Account(null, "", "", null, null, Set.of(), false, false);

    private final Map<String, Account> accounts = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();

    Optional<Account> find(String username) {
        Account account = accounts.get(username);
        if (account == null) {
            long seen = generation.get();
            account = load(username);
            if (generation.get() == seen) {
                accounts.put(username, account); // not if a change happened while loading: it may be stale
            }
        }
        return account == NONE ? Optional.empty() : Optional.of(account);
    }

    /** The account if it is in the cache (never reads the store, so safe on the event loop). */
    Optional<Account> cached(String username) {
        Account account = accounts.get(username);
        return account == null || account == NONE ? Optional.empty() : Optional.of(account);
    }

    void onChange(@Observes(during = TransactionPhase.AFTER_COMPLETION) StaffChanged change) {
        generation.incrementAndGet();
        accounts.clear();
    }

    private Account load(String username) {
        return QuarkusTransaction.joiningExisting().call(() -> Staff.byUsername(username)
                .map(s -> new Account(s.id, s.username, s.displayName, s.passwordHash, s.departmentId,
                        s.roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(s.roles), s.active, s.demo))
                .orElse(NONE));
    }
}
