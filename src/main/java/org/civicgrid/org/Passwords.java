package org.civicgrid.org;

import com.nulabinc.zxcvbn.Zxcvbn;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
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

    /** The password every demo account shares: never accepted as a real password. */
    public static final String DEMO_PASSWORD = "civicgrid";

    /** zxcvbn's scale: 3 = "safely unguessable: moderate protection from offline slow-hash scenario". */
    static final int MIN_STRENGTH = 3;

    private static final Zxcvbn STRENGTH = new Zxcvbn();

    /**
     * Rejects a password that breaks the policy, naming the field: too short or long, or guessable by zxcvbn's
     * estimate (common passwords, keyboard runs, dates, the username, the product name, the demo password).
     */
    public void checkPolicy(String field, String clearText, String... userInputs) {
        String weakness = weakness(clearText, config.minPasswordLength(), userInputs);
        if (weakness != null) {
            throw Problem.badRequest(field, weakness);
        }
    }

    /** What is wrong with a password under the policy, or null when it passes (also for the operator CLI). */
    public static String weakness(String clearText, int minLength, String... userInputs) {
        if (clearText == null || clearText.length() < minLength) {
            return "password must have at least " + minLength + " characters";
        }
        if (clearText.length() > 72) {
            return "password must have at most 72 characters (bcrypt limit)";
        }
        if (clearText.isBlank()) {
            return "password must not be blank";
        }
        List<String> known = new ArrayList<>(List.of(DEMO_PASSWORD, "civic", "grid", "admin", "chengguan", "shuzichengguan"));
        for (String input : userInputs) {
            if (input != null && !input.isBlank()) {
                known.add(input);
            }
        }
        if (clearText.equalsIgnoreCase(DEMO_PASSWORD) || STRENGTH.measure(clearText, known).getScore() < MIN_STRENGTH) {
            return "this password is too easy to guess (a common word, a run of keys, a date, the "
                    + "username or the demo password): use a longer mix of unrelated words, digits and signs";
        }
        return null;
    }
}
