package org.dphub.identity;

import com.nulabinc.zxcvbn.Zxcvbn;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.web.FormErrors;
import org.springframework.stereotype.Component;

/**
 * NCSC guidance: length beats complexity, and block what attackers try first. At least 10
 * characters, at most 128, not the username, not a password published with dphub, and not easy to
 * guess (ASVS 2.1.7, NIST 800-63B 5.1.1.2): zxcvbn's estimate must reach a hundred million
 * guesses. Its estimate knows 30,000 of the most common leaked passwords, names, English words,
 * keyboard rows, dates, repeats and sequences, and the person's own username, so "Password2026",
 * "Summer2024!", "qwerty12345", "manchester1" and "janesmith123" are refused while three random words
 * pass. No rule on which kinds of character to use. Nothing leaves the server for that: the lists
 * come with the library. Then, when the council has set {@code DPHUB_BREACHED_PASSWORDS_URL}, not in
 * a corpus of breached passwords ({@link BreachedPasswords}: 5 characters of a hash are sent). The
 * same rules on every page and API that sets a password.
 */
@Component
public class PasswordRules {

    public static final int MIN_LENGTH = 10;
    /**
     * zxcvbn's score: 3 is a hundred million guesses or more, "safely unguessable" in its words; 2 and
     * under fall to an attacker with a copy of the password hashes within days.
     */
    static final int LEAST_SCORE = 3;
    /**
     * Only the first characters are estimated: zxcvbn's work grows faster than the length (128
     * random characters took over a second), and a password whose first 40 are hard to guess is hard
     * to guess. Anyone, signed in or not, can send one of these from a sign-up page.
     */
    static final int ESTIMATED_LENGTH = 40;
    /** Published with dphub, whatever zxcvbn says of it: the demo's accounts' password (in the README), and a few old favourites. */
    private static final Set<String> COMMON = Set.of("password123", "1234567890", "qwertyuiop", "password1234",
            "iloveyou123", "letmein1234", "welcome123", "demo-password-2026");
    /** The example of three random words every password hint shows, in English and Welsh, which some will copy. */
    private static final Set<String> HINTS_EXAMPLE = Set.of("kettle river purple", "kettleriverpurple", "tegell afon porffor",
            "tegellafonporffor");
    /** words anyone guessing a dphub password would try with the username */
    private static final List<String> SERVICE_WORDS = List.of("dphub", "direct", "payment", "payments", "council");
    /** its dictionaries are built once (about 100 ms); measuring reads them only */
    private static final Zxcvbn ESTIMATE = new Zxcvbn();

    private final BreachedPasswords breached;

    public PasswordRules(BreachedPasswords breached) {
        this.breached = breached;
    }

    public void check(String field, String password, String username, FormErrors errors) {
        if (password == null || password.isEmpty()) {
            errors.reject(field, "password.error.required");
        } else if (password.length() < MIN_LENGTH) {
            errors.reject(field, "password.error.too-short", MIN_LENGTH);
        } else if (password.length() > 128) {
            errors.reject(field, "password.error.too-long");
        } else if (HINTS_EXAMPLE.contains(password.strip().toLowerCase(Locale.ROOT))) {
            errors.reject(field, "password.error.example");
        } else if (COMMON.contains(password.toLowerCase(Locale.ROOT))
                || password.equalsIgnoreCase(username) || guessable(password, username)) {
            errors.reject(field, "password.error.common");
        } else if (breached.breached(password)) {
            errors.reject(field, "password.error.breached");
        }
    }

    /** Under a hundred million guesses by zxcvbn's estimate, with the username and its parts as words it knows. */
    static boolean guessable(String password, String username) {
        String estimated = password.substring(0, Math.min(password.length(), ESTIMATED_LENGTH));
        return ESTIMATE.measure(estimated, ownWords(username)).getScore() < LEAST_SCORE;
    }

    /** The username whole, and each run of letters or digits in it (jane.smith@example.com: jane, smith, example, com). */
    private static List<String> ownWords(String username) {
        List<String> words = new ArrayList<>(SERVICE_WORDS);
        if (username != null && !username.isBlank()) {
            String lower = username.toLowerCase(Locale.ROOT);
            words.add(lower);
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= 3) {
                    words.add(part);
                }
            }
        }
        return words;
    }
}
