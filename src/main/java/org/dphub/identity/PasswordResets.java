package org.dphub.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.identity.internal.SessionsOfClosedSignIns;
import org.dphub.identity.internal.UserRepository;
import org.dphub.shared.database.AddressLimits;
import org.dphub.web.FormErrors;
import org.dphub.web.SecurityLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Forgotten your password?" (issue 17, ASVS 2.5): someone types the email address they sign in with
 * and, if it is an account's that may sign in with a password, gets an email with a link that lets
 * them choose a new one. The link works once, for {@link #VALID_FOR}; only a SHA-256 hash of its
 * token is kept (256 random bits, so a fast hash is safe). At most {@link #PER_HOUR} links an hour go
 * to one account. Nothing on the page says whether the address is an account's, and the page answers
 * as soon either way: the email goes from a thread of its own. Choosing the new password ends the
 * lockout, every other link of theirs and, after the commit, every session they had open.
 */
@Service
public class PasswordResets {

    public static final Duration VALID_FOR = Duration.ofHours(1);
    static final int PER_HOUR = 3;
    /** The address limit counting asks ({@code DPHUB_PASSWORD_RESET_ASKS_PER_HOUR} an hour from one address, for whoever). */
    static final String ASK = "password-reset-ask";
    private static final Logger log = LoggerFactory.getLogger(PasswordResets.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final UserRepository users;
    private final PasswordEncoder passwordEncoder;
    private final SignInThrottle throttle;
    private final SessionsOfClosedSignIns sessions;
    private final PasswordsForStaff passwordsForStaff;
    private final UserAccounts accounts;
    private final AuditTrail audit;
    private final PasswordRules passwordRules;
    private final ObjectProvider<PasswordResetEmail> emails;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String publicUrl;
    private final AddressLimits addressLimits;
    private final int asksPerAddressPerHour;
    /** Sends the emails, so that asking answers as soon whether or not an email goes; a few at most wait. */
    private final ExecutorService sending = new ThreadPoolExecutor(1, 1, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(100), task -> {
        Thread thread = new Thread(task, "password-reset-email");
        thread.setDaemon(true);
        return thread;
    });

    PasswordResets(JdbcClient jdbc, UserRepository users, PasswordEncoder passwordEncoder, SignInThrottle throttle,
                   SessionsOfClosedSignIns sessions, PasswordsForStaff passwordsForStaff, UserAccounts accounts, AuditTrail audit, PasswordRules passwordRules,
                   ObjectProvider<PasswordResetEmail> emails, TransactionTemplate transactions, Clock clock, AddressLimits addressLimits,
                   @Value("${dphub.public-url:http://localhost:8080}") String publicUrl,
                   @Value("${dphub.sign-in.password-reset-asks-per-hour:20}") int asksPerAddressPerHour) {
        this.addressLimits = addressLimits;
        this.asksPerAddressPerHour = AddressLimits.perHour("DPHUB_PASSWORD_RESET_ASKS_PER_HOUR", asksPerAddressPerHour);
        this.jdbc = jdbc;
        this.users = users;
        this.passwordEncoder = passwordEncoder;
        this.throttle = throttle;
        this.sessions = sessions;
        this.passwordsForStaff = passwordsForStaff;
        this.accounts = accounts;
        this.audit = audit;
        this.passwordRules = passwordRules;
        this.emails = emails;
        this.transactions = transactions;
        this.clock = clock;
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    @jakarta.annotation.PreDestroy
    void stop() {
        sending.shutdownNow();
    }

    /**
     * Someone asks for a link to the address they typed. Says nothing back about the account: an
     * address that is no account's, a closed account, staff who must use their council account, or a
     * fourth ask for one account within the hour, sends nothing and looks the same. What it does say:
     * {@code false} when the client address it came from has asked {@code DPHUB_PASSWORD_RESET_ASKS_PER_HOUR}
     * times within the hour, whatever the accounts (a robot asking for many people's links); nothing
     * is looked up or sent then, and that ask is not counted.
     */
    public boolean ask(String typedAddress, String clientAddress) {
        if (!addressLimits.tryTake(ASK, clientAddress, asksPerAddressPerHour)) {
            SecurityLog.warn("password-reset-asked", "user=? sent=no reason=too-many-from-address");
            return false;
        }
        linkIfAnAccount(typedAddress);
        return true;
    }

    private void linkIfAnAccount(String typedAddress) {
        String address = typedAddress == null ? "" : typedAddress.strip().toLowerCase(java.util.Locale.ROOT);
        Optional<UserRepository.StoredUser> found = users.findByUsername(address)
                .filter(u -> u.enabled() && looksLikeAnEmailAddress(u.username()))
                .filter(u -> passwordsForStaff.councilAccountRequired(accounts.signedInUser(u)).isEmpty());
        if (found.isEmpty()) {
            SecurityLog.info("password-reset-asked", "user=? sent=no");
            return;
        }
        UserRepository.StoredUser user = found.get();
        String token = newToken();
        OffsetDateTime now = OffsetDateTime.now(clock);
        Boolean made = transactions.execute(status -> {
            long lastHour = jdbc.sql("SELECT count(*) FROM password_reset WHERE user_id = :user AND asked_at > :hourAgo")
                    .param("user", user.id()).param("hourAgo", now.minusHours(1)).query(Long.class).single();
            if (lastHour >= PER_HOUR) {
                return false;
            }
            jdbc.sql("INSERT INTO password_reset (user_id, token_hash, asked_at, expires_at) VALUES (:user, :hash, :now, :until)")
                    .param("user", user.id()).param("hash", hash(token)).param("now", now).param("until", now.plus(VALID_FOR)).update();
            return true;
        });
        if (!Boolean.TRUE.equals(made)) {
            SecurityLog.warn("password-reset-asked", "user=" + SecurityLog.clean(user.username()) + " sent=no reason=too-many");
            return;
        }
        SecurityLog.info("password-reset-asked", "user=" + SecurityLog.clean(user.username()) + " sent=yes");
        String link = publicUrl + "/sign-in/new-password?token=" + token;
        try {
            sending.execute(() -> send(user.username(), user.preferredLanguage(), link));
        } catch (RejectedExecutionException busy) {
            log.warn("A password reset email was not sent: too many waiting");
        }
    }

    private void send(String address, String language, String link) {
        PasswordResetEmail email = emails.getIfAvailable();
        boolean sent = false;
        try {
            sent = email != null && email.send(address, language, link, VALID_FOR);
        } catch (RuntimeException e) {
            log.warn("A password reset email was not sent: {}", e.toString());
        }
        if (!sent) {
            log.warn("A password reset email could not be sent (is GOV.UK Notify set up? DPHUB_NOTIFY_API_KEY)");
        }
    }

    /** Forgets links that stopped working more than a day ago (the hourly job of the sign-in throttles). */
    int forgetOldLinks() {
        OffsetDateTime now = OffsetDateTime.now(clock);
        return jdbc.sql("DELETE FROM password_reset WHERE expires_at < :dayAgo OR used_at < :dayAgo")
                .param("dayAgo", now.minusDays(1)).update();
    }

    /** Whether a link's token may still be used: known, not used, not expired, its account open. */
    public boolean usable(String token) {
        return usernameFor(token).isPresent();
    }

    /**
     * Sets the new password with the link's token (checked by {@link PasswordRules}; errors go to
     * {@code errors} and nothing changes). Returns the username when done; empty when the link is
     * unknown, used or expired. The token is spent in the same statement that checks it, so two
     * uses at once set one password.
     */
    public Optional<String> choose(String token, String newPassword, String confirmPassword, FormErrors errors) {
        Optional<String> username = usernameFor(token);
        if (username.isEmpty()) {
            return Optional.empty();
        }
        passwordRules.check("newPassword", newPassword, username.get(), errors);
        if (errors.isEmpty() && !newPassword.equals(confirmPassword)) {
            errors.reject("confirmPassword", "password.error.mismatch");
        }
        if (!errors.isEmpty()) {
            return username;
        }
        // hashed before the transaction, which then holds its connection for no more than the statements
        String passwordHash = passwordEncoder.encode(newPassword);
        OffsetDateTime now = OffsetDateTime.now(clock);
        return transactions.execute(status -> {
            // the link is spent in the statement that checks it, which also says whose it was and their council
            Optional<Spent> spent = jdbc.sql("""
                            UPDATE password_reset r SET used_at = :now FROM app_user u
                            WHERE u.id = r.user_id AND u.enabled AND r.token_hash = :hash AND r.used_at IS NULL AND r.expires_at > :now
                            RETURNING r.user_id, u.council_id""")
                    .param("now", now).param("hash", hash(token))
                    .query((rs, row) -> new Spent(rs.getLong("user_id"), rs.getObject("council_id", Long.class))).optional();
            if (spent.isEmpty()) {
                return Optional.<String>empty();
            }
            long userId = spent.get().userId();
            jdbc.sql("UPDATE password_reset SET used_at = :now WHERE user_id = :user AND used_at IS NULL")
                    .param("now", now).param("user", userId).update();
            users.changePassword(userId, passwordHash);
            throttle.recordSuccess(username.get());
            sessions.endAfterCommit(List.of(username.get()));
            audit.recordAs(username.get(), spent.get().councilId(), "user",
                    userId, AuditAction.UPDATE, AuditTrail.values("password", "(not shown)"),
                    AuditTrail.values("password", "(changed with a link sent by email)"));
            SecurityLog.info("password-reset", "user=" + SecurityLog.clean(username.get()));
            return username;
        });
    }

    private record Spent(long userId, Long councilId) {
    }

    private Optional<String> usernameFor(String token) {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT u.username FROM password_reset r JOIN app_user u ON u.id = r.user_id
                        WHERE r.token_hash = :hash AND r.used_at IS NULL AND r.expires_at > :now AND u.enabled""")
                .param("hash", hash(token)).param("now", OffsetDateTime.now(clock)).query(String.class).optional();
    }

    /** An address Notify can send to: something@somewhere.tld (the demo's usernames, like citizen@demo-england, are not). */
    static boolean looksLikeAnEmailAddress(String username) {
        return username.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s.]+");
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
