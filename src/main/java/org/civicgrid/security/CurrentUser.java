package org.civicgrid.security;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.RequestScoped;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import org.civicgrid.org.Role;

/** 当前用户 — who is making this request: staff id, department and roles, read from the security identity. */
@RequestScoped
public class CurrentUser {

    private final SecurityIdentity identity;

    CurrentUser(SecurityIdentity identity) {
        this.identity = identity;
    }

    public boolean signedIn() {
        return !identity.isAnonymous();
    }

    public String username() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public String displayName() {
        String name = identity.getAttribute(SignIn.DISPLAY_NAME);
        return name == null ? username() : name;
    }

    public Long staffId() {
        return identity.getAttribute(SignIn.STAFF_ID);
    }

    public Optional<Long> departmentId() {
        return Optional.ofNullable(identity.getAttribute(SignIn.DEPARTMENT_ID));
    }

    public boolean has(Role role) {
        return identity.hasRole(role.name());
    }

    /** For templates: {@code user.hasRole('ADMIN')}. */
    public boolean hasRole(String role) {
        return identity.hasRole(role);
    }

    public Set<Role> roles() {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (has(role)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
