package org.civicgrid.org;

import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import org.civicgrid.web.Problem;

/** 密码 — bcrypt hashing and the password policy. Clear-text passwords are never stored or logged. */
@ApplicationScoped
public class Passwords {

    /** A valid hash of a random string: checked against when a username is unknown, so timing does not tell. */
    private static final String DECOY_HASH = BcryptUtil.bcryptHash(java.util.UUID.randomUUID().toString());

    private final OrgConfig config;

    Passwords(OrgConfig config) {
        this.config = config;
    }

    public String hash(String clearText) {
        return BcryptUtil.bcryptHash(clearText);
    }

    public boolean matches(String clearText, String hash) {
        return hash != null && BcryptUtil.matches(clearText, hash);
    }

    /** Spends the same time as a real check, for unknown usernames. */
    public void decoyCheck(String clearText) {
        BcryptUtil.matches(clearText, DECOY_HASH);
    }

    /** Rejects a password that breaks the policy, naming the field. */
    public void checkPolicy(String field, String clearText) {
        if (clearText == null || clearText.length() < config.minPasswordLength()) {
            throw Problem.badRequest(field, "password must have at least " + config.minPasswordLength() + " characters");
        }
        if (clearText.length() > 72) {
            throw Problem.badRequest(field, "password must have at most 72 characters (bcrypt limit)");
        }
        if (clearText.isBlank()) {
            throw Problem.badRequest(field, "password must not be blank");
        }
    }
}
