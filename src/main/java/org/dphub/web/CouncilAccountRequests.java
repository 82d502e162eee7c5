package org.dphub.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultOAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestResolver;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;

/**
 * Sends a member of staff to their council's provider ({@code /oauth2/authorization/{council code}}),
 * as Spring Security does — state, nonce and PKCE (the registrations require the proof key) — except
 * that an address naming a council without single sign-on (or whose provider cannot be reached) is
 * not a request to sign in at all, so it goes on to the ordinary "sign in first" answer instead of
 * an error. People reach it from {@code /sign-in/council-account/{code}}, which says what is wrong
 * first.
 */
final class CouncilAccountRequests implements OAuth2AuthorizationRequestResolver {

    private final DefaultOAuth2AuthorizationRequestResolver requests;

    CouncilAccountRequests(ClientRegistrationRepository providers) {
        this.requests = new DefaultOAuth2AuthorizationRequestResolver(providers,
                DefaultOAuth2AuthorizationRequestResolver.DEFAULT_AUTHORIZATION_REQUEST_BASE_URI);
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request) {
        try {
            return requests.resolve(request);
        } catch (IllegalArgumentException noSuchCouncil) {
            return null;
        }
    }

    @Override
    public OAuth2AuthorizationRequest resolve(HttpServletRequest request, String clientRegistrationId) {
        try {
            return requests.resolve(request, clientRegistrationId);
        } catch (IllegalArgumentException noSuchCouncil) {
            return null;
        }
    }

    /**
     * dphub calls nothing at the provider after sign-in, so it keeps no access or refresh token:
     * nothing to steal from a session, nothing that grows in memory.
     */
    static final class KeepNoTokens implements OAuth2AuthorizedClientRepository {

        @Override
        public <T extends OAuth2AuthorizedClient> T loadAuthorizedClient(String clientRegistrationId, Authentication principal,
                                                                         HttpServletRequest request) {
            return null;
        }

        @Override
        public void saveAuthorizedClient(OAuth2AuthorizedClient authorizedClient, Authentication principal,
                                         HttpServletRequest request, HttpServletResponse response) {
            // kept nowhere
        }

        @Override
        public void removeAuthorizedClient(String clientRegistrationId, Authentication principal, HttpServletRequest request,
                                           HttpServletResponse response) {
            // nothing kept
        }
    }
}
