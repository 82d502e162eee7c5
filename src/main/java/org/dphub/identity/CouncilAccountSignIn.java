package org.dphub.identity;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.councils.SingleSignOn;
import org.dphub.identity.internal.UserRepository;
import org.dphub.identity.internal.UserRepository.StoredUser;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Who a person who came back from their council's provider is in dphub (issue 17). Spring
 * Security has by now exchanged the code (with PKCE and the client secret) and checked the ID
 * token: signed with the provider's keys, issued by the registration's issuer, for dphub's client
 * id, with the nonce it sent. Here, in one transaction:
 * <ol>
 * <li>the registration must still be its council's, with the issuer set now, and the token that
 *     issuer's (so a token from any other provider, or from before the settings changed, is refused);</li>
 * <li>the person's groups (the council's group claim) must give at least one staff role, else they
 *     are refused and nothing is written;</li>
 * <li>the account is the one this issuer and subject signed in as before — which must belong to the
 *     same council — or, the first time, the council's one member of staff with this email address,
 *     or a new staff account in the council;</li>
 * <li>its staff roles become exactly those the groups give (audited when they change).</li>
 * </ol>
 * A refusal is an {@link OAuth2AuthenticationException} whose error code names the reason; the
 * transaction rolls back, and the refusal page reads the council and reason from the session.
 */
@Component
class CouncilAccountSignIn implements OAuth2UserService<OidcUserRequest, OidcUser> {

    /** The session attribute the refusal page reads: the council whose sign-in was refused and why. */
    static final String REFUSAL = CouncilAccountSignIn.class.getName() + ".refusal";

    /** Why a council account was refused; the words are on the refusal page. */
    enum Refusal {
        /** no group the council maps to a role */
        NO_KNOWN_GROUP("no-known-group"),
        /** the identity is already another council's member of staff */
        OTHER_COUNCIL("other-council"),
        /** the token is not from the issuer the council's settings name now */
        WRONG_ISSUER("wrong-issuer"),
        /** the dphub account is switched off */
        SWITCHED_OFF("switched-off"),
        /** two of the council's staff have this email address: an administrator must say which */
        AMBIGUOUS_EMAIL("ambiguous-email");

        final String code;

        Refusal(String code) {
            this.code = code;
        }
    }

    /** What the refusal page needs: the council's code and the reason. */
    record RefusalDetails(String councilCode, Refusal reason) implements java.io.Serializable {
    }

    private final OAuth2UserService<OidcUserRequest, OidcUser> provider;
    private final Councils councils;
    private final UserRepository users;
    private final UserAccounts accounts;
    private final PasswordEncoder passwords;
    private final AuditTrail audit;
    private final SecureRandom random = new SecureRandom();

    CouncilAccountSignIn(Councils councils, UserRepository users, UserAccounts accounts, PasswordEncoder passwords, AuditTrail audit) {
        this.provider = new OidcUserService();
        this.councils = councils;
        this.users = users;
        this.accounts = accounts;
        this.passwords = passwords;
        this.audit = audit;
    }

    @Override
    @Transactional
    public OidcUser loadUser(OidcUserRequest request) {
        ClientRegistration registration = request.getClientRegistration();
        String code = registration.getRegistrationId();
        Council council = councils.findByCode(code).orElseThrow(() -> refuse(code, Refusal.WRONG_ISSUER));
        SingleSignOn settings = councils.singleSignOn(council.id()).map(v -> v.settings())
                .orElseThrow(() -> refuse(code, Refusal.WRONG_ISSUER));
        String issuer = request.getIdToken().getIssuer() == null ? null : request.getIdToken().getIssuer().toString();
        if (!settings.issuer().equals(registration.getProviderDetails().getIssuerUri()) || !settings.issuer().equals(issuer)) {
            throw refuse(code, Refusal.WRONG_ISSUER);
        }
        OidcUser person = provider.loadUser(request);
        Set<Role> roles = settings.rolesFor(groups(person.getClaims().get(settings.groupClaim())));
        if (roles.isEmpty()) {
            throw refuse(code, Refusal.NO_KNOWN_GROUP);
        }
        String subject = person.getSubject();
        Optional<UserRepository.CouncilAccount> known = users.findCouncilAccount(issuer, subject);
        long userId;
        if (known.isPresent()) {
            if (known.get().councilId() != council.id()) {
                throw refuse(code, Refusal.OTHER_COUNCIL);
            }
            userId = known.get().userId();
        } else {
            userId = firstSignIn(council, issuer, subject, person, roles);
        }
        StoredUser stored = users.findById(userId).orElseThrow();
        if (!stored.enabled()) {
            throw refuse(code, Refusal.SWITCHED_OFF);
        }
        if (!Objects.equals(stored.councilId(), council.id())) {
            throw refuse(code, Refusal.OTHER_COUNCIL);
        }
        Set<Role> staffBefore = EnumSet.noneOf(Role.class);
        stored.roles().stream().filter(Role::isStaff).forEach(staffBefore::add);
        if (!staffBefore.equals(roles)) {
            users.replaceStaffRoles(userId, roles);
            audit.record(council.id(), "user", userId, AuditAction.UPDATE,
                    AuditTrail.values("displayName", stored.displayName(), "roles", names(staffBefore)),
                    AuditTrail.values("displayName", stored.displayName(), "roles", names(roles), "from", "council account groups"));
            stored = users.findById(userId).orElseThrow();
        }
        SignedInUser signedIn = accounts.signedInUser(stored);
        return new CouncilAccountUser(signedIn, person.getIdToken(), person.getUserInfo());
    }

    /** The account for an identity never seen before: the council's one member of staff with its email address, or a new one. */
    private long firstSignIn(Council council, String issuer, String subject, OidcUser person, Set<Role> roles) {
        String email = person.getEmail() == null ? null : person.getEmail().strip().toLowerCase(Locale.ROOT);
        // an address the provider says it has not verified names nobody
        boolean usableEmail = email != null && email.length() >= 3 && email.length() <= 254 && email.contains("@")
                && !Boolean.FALSE.equals(person.getEmailVerified());
        long userId;
        List<Long> sameEmail = usableEmail ? users.staffByEmailNotLinked(council.id(), email, issuer) : List.of();
        if (sameEmail.size() > 1) {
            throw refuse(council.code(), Refusal.AMBIGUOUS_EMAIL);
        }
        if (sameEmail.size() == 1) {
            userId = sameEmail.get(0);
        } else {
            String username = usableEmail && !users.usernameTaken(email) ? email : generatedUsername(council, issuer, subject);
            String name = displayName(person, email);
            // no password anyone knows: this account signs in only through the council's provider
            byte[] unknowable = new byte[32];
            random.nextBytes(unknowable);
            userId = users.insert(username, passwords.encode(Base64.getEncoder().encodeToString(unknowable)), name,
                    council.id(), roles, "en", false);
            audit.record(council.id(), "user", userId, AuditAction.CREATE, null, AuditTrail.values(
                    "username", username, "displayName", name, "roles", names(roles), "preferredLanguage", "en",
                    "signIn", "council account"));
        }
        users.linkCouncilAccount(issuer, subject, userId, council.id());
        return userId;
    }

    private static String displayName(OidcUser person, String email) {
        String name = person.getFullName();
        if (name == null || name.isBlank()) {
            name = String.join(" ", java.util.stream.Stream.of(person.getGivenName(), person.getFamilyName())
                    .filter(n -> n != null && !n.isBlank()).toList());
        }
        if (name.isBlank()) {
            name = email != null ? email : person.getPreferredUsername();
        }
        if (name == null || name.isBlank()) {
            name = "Council staff member";
        }
        name = name.strip().replaceAll("\\p{Cntrl}", "");
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** A username nobody could have chosen: the council's code and a hash of the identity. */
    private static String generatedUsername(Council council, String issuer, String subject) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest((issuer + " " + subject).getBytes(StandardCharsets.UTF_8));
            return council.code() + ".sso-" + HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A group claim is a list of strings (Entra ID, Keycloak), or now and then one string. */
    static Collection<String> groups(Object claim) {
        if (claim instanceof Collection<?> values) {
            return values.stream().filter(Objects::nonNull).map(String::valueOf).toList();
        }
        if (claim instanceof String value) {
            return List.of(value);
        }
        return List.of();
    }

    private static List<String> names(Set<Role> roles) {
        return roles.stream().map(Enum::name).sorted().toList();
    }

    /** Notes the refusal for the page people are sent to next, and the error Spring Security's failure handler sees. */
    private static OAuth2AuthenticationException refuse(String councilCode, Refusal reason) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request != null) {
            request.setAttribute(REFUSAL, new RefusalDetails(councilCode, reason), RequestAttributes.SCOPE_SESSION);
        }
        return new OAuth2AuthenticationException(new OAuth2Error(reason.code, "Council account refused: " + reason.code, null));
    }
}
