package org.dphub.identity;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettingsRules;
import org.dphub.councils.Councils;
import org.dphub.councils.SingleSignOn;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.env.Environment;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;

/**
 * Spring Security's client registrations, one per council with single sign-on, read from the
 * councils' settings as they are now (issue 17). The registration id is the council's code, so the
 * address a provider sends people back to names the council ({@code /login/oauth2/code/demo}).
 * What the provider's discovery document says is cached with the settings and secret it was built
 * from: a changed setting (on any instance, since each look-up reads the settings) or a changed
 * secret builds the registration again; unchanged ones cost one small read and no call to the
 * provider.
 */
final class CouncilClientRegistrations implements ClientRegistrationRepository {

    private static final Logger log = LoggerFactory.getLogger(CouncilClientRegistrations.class);

    private record Built(SingleSignOn settings, String secret, ClientRegistration registration) {
    }

    private final Councils councils;
    private final Environment environment;
    private final Map<String, Built> cache = new ConcurrentHashMap<>();

    private final boolean localIssuers;

    CouncilClientRegistrations(Councils councils, Environment environment, boolean localIssuers) {
        this.councils = councils;
        this.environment = environment;
        this.localIssuers = localIssuers;
    }

    /** Null (as Spring Security expects) for a council without single sign-on, a missing secret or a provider that cannot be reached. */
    @Override
    public ClientRegistration findByRegistrationId(String registrationId) {
        return registration(registrationId).orElse(null);
    }

    /** Why a council's staff cannot sign in with their council account now, if they cannot. */
    enum Unavailable { NOT_SET_UP, NO_SECRET, PROVIDER_UNREACHABLE }

    /** The council's registration, or why there is none. */
    Optional<ClientRegistration> registration(String code) {
        return check(code).registration();
    }

    record Check(Optional<ClientRegistration> registration, Unavailable problem) {
    }

    Check check(String code) {
        Optional<Council> council = code == null ? Optional.empty() : councils.findByCode(code);
        Optional<SingleSignOn> settings = council.flatMap(c -> councils.singleSignOn(c.id())).map(v -> v.settings());
        if (settings.isEmpty()) {
            cache.remove(String.valueOf(code));
            return new Check(Optional.empty(), Unavailable.NOT_SET_UP);
        }
        SingleSignOn sso = settings.get();
        // the settings' rules already refuse these; checked again where the secret is read and sent
        if (!sso.clientSecretVariable().equals(SingleSignOn.defaultSecretVariable(code))
                || (!localIssuers && CouncilSettingsRules.isLocal(sso.issuer()))) {
            return new Check(Optional.empty(), Unavailable.NO_SECRET);
        }
        // the secret comes from the server's environment (or a system property), never from the database
        String secret = environment.getProperty(sso.clientSecretVariable());
        if (secret == null || secret.isBlank()) {
            return new Check(Optional.empty(), Unavailable.NO_SECRET);
        }
        Built built = cache.get(code);
        if (built != null && built.settings().equals(sso) && built.secret().equals(secret)) {
            return new Check(Optional.of(built.registration()), null);
        }
        try {
            ClientRegistration registration = ClientRegistrations.fromOidcIssuerLocation(sso.issuer())
                    .registrationId(code)
                    .clientId(sso.clientId())
                    .clientSecret(secret)
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                    .scope("openid", "profile", "email")
                    .clientName(council.get().name())
                    // PKCE as well as the client secret (RFC 9700: for every authorization code client)
                    .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                    .build();
            cache.put(code, new Built(sso, secret, registration));
            return new Check(Optional.of(registration), null);
        } catch (RuntimeException e) {
            // discovery checks that the document names the same issuer; a provider down or misnamed is not a registration
            log.warn("Single sign-on for council {}: the provider at {} could not be used: {}", code, sso.issuer(), e.getMessage());
            return new Check(Optional.empty(), Unavailable.PROVIDER_UNREACHABLE);
        }
    }
}
