package org.dphub.web;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.CredentialsExpiredException;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authorization.AuthenticatedAuthorizationManager;
import org.springframework.security.authorization.AuthorityAuthorizationManager;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationManagers;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.authentication.AuthenticationConverter;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationFilter;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.util.unit.DataSize;
import org.springframework.web.servlet.LocaleResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two ways in. People use pages with form sign-in (or, council staff, their council's OpenID
 * Connect provider), a session kept in PostgreSQL and CSRF tokens on every form. API clients use an API key ({@code Authorization: Bearer dphub_…}) or
 * HTTP Basic on /api/v1 with no session and no CSRF. Both chains use the identity module's
 * provider: the throttled username-and-password check, and the API key check (whose credentials
 * only the API chain reads).
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String PAGE_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String API_CSP = "default-src 'none'; frame-ancestors 'none'";

    /** Where a page's files are served from (styles, scripts, fonts, images): public, and they read no session. */
    static final List<String> PAGE_FILE_FOLDERS = List.of("/assets/", "/govuk/", "/static/");
    static final String FAVICON = "/favicon.ico";

    static final String TOO_MANY_FROM_ADDRESS = "Too many sign-ins have failed from this address. Wait 15 minutes and try again.";

    static final String TEMPORARY_PASSWORD_EXPIRED = "This temporary password is too old to use. Ask your council for a new one, "
            + "or use \"Forgotten your password?\" on the sign-in page.";

    static final String[] PUBLIC_PAGES = java.util.stream.Stream.of(List.of(
            "/", "/sign-in", "/sign-in/*", "/sign-in/council-account/**", "/join-as-a-pa", "/join-as-a-provider", "/directory", "/directory/services/*", "/accessibility", "/data-attribution", "/cookies", "/error",
            // the information hub: guides, jargon buster, search and each council's page (its editing is under /council/**)
            "/information", "/information/*", "/information/councils/*",
            FAVICON, "/v3/api-docs", "/v3/api-docs/**"),
            PAGE_FILE_FOLDERS.stream().map(folder -> folder + "**").toList()).flatMap(List::stream).toArray(String[]::new);

    /** A path (after the context path) of one of a page's files. */
    static boolean isPageFile(String path) {
        return path.equals(FAVICON) || PAGE_FILE_FOLDERS.stream().anyMatch(path::startsWith);
    }

    private final AuthenticationEventPublisher authenticationEvents;

    SecurityConfiguration(ApplicationEventPublisher events) {
        this.authenticationEvents = authenticationEvents(events);
    }

    /**
     * No observation of each security filter, authentication and authorisation: they timed every
     * filter of every request for metrics nobody reads (the requests' own timings stay, in
     * {@code http.server.requests}), and cost about a twentieth of a page (bin/bench load).
     */
    @Bean
    org.springframework.security.config.observation.SecurityObservationSettings noSecurityObservations() {
        return org.springframework.security.config.observation.SecurityObservationSettings.noObservations();
    }

    /**
     * Actuator: health (its status only) is for anyone — load balancers and probes. Everything
     * else there — metrics (every route, exception class, the server's paths and pool figures),
     * info and the list of endpoints — is for the metrics scraper's token
     * ({@code DPHUB_METRICS_TOKEN}, a Bearer token) or a council administrator (HTTP Basic); no
     * session, no CSRF. With {@code DPHUB_MANAGEMENT_PORT} set, Spring Boot serves actuator on that
     * port instead (bound to {@code DPHUB_MANAGEMENT_ADDRESS}, 127.0.0.1 by default) behind this
     * same chain.
     */
    @Bean
    @Order(0)
    SecurityFilterChain management(HttpSecurity http, AuthenticationProvider signIn, JsonMapper json,
                                   @Value("${dphub.metrics.token:}") String metricsToken,
                                   @Value("${dphub.sign-in.basic-for-one-time-code-roles:true}") boolean basicForCodeRoles,
                                   ObjectProvider<SignInStep> steps) throws Exception {
        http.securityMatcher("/actuator", "/actuator/**")
                .authenticationManager(only(signIn))
                .addFilterBefore(new RefusalLog(), ExceptionTranslationFilter.class)
                // after RefusalLog (added first, at the same place), so the refusal is logged
                .addFilterBefore(new TemporaryPasswordRefusal(json), ExceptionTranslationFilter.class)
                // a finance officer's or administrator's password alone, when the council says so; logged the same way
                .addFilterBefore(new PasswordAloneRefusal(basicForCodeRoles, steps.orderedStream().toList(), json), ExceptionTranslationFilter.class)
                .addFilterBefore(new MetricsToken(metricsToken, json), BasicAuthenticationFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**").permitAll()
                        .anyRequest().access(AuthorizationManagers.anyOf(
                                AuthorityAuthorizationManager.hasAuthority(MetricsToken.AUTHORITY),
                                AuthorityAuthorizationManager.hasRole(Role.COUNCIL_ADMIN.name()))))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, json, HttpStatus.UNAUTHORIZED, e instanceof TooManyFailedSignInsFromAddress ? TOO_MANY_FROM_ADDRESS
                                : e instanceof LockedException
                                ? "Too many failed attempts for this username. Wait 15 minutes and try again."
                                : e instanceof CouncilAccountRequired ? COUNCIL_ACCOUNT_REQUIRED
                                : e instanceof CredentialsExpiredException ? TEMPORARY_PASSWORD_EXPIRED
                                : "Give the metrics token (Bearer) or a council administrator's username and password (HTTP Basic).")))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Bearer realm=\"dphub\", Basic realm=\"dphub\"");
                            problem(response, json, HttpStatus.UNAUTHORIZED,
                                    "Give the metrics token (Bearer) or a council administrator's username and password (HTTP Basic).");
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "Only the metrics scraper and council administrators see this.")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(HttpSecurity http, AuthenticationProvider signIn, AuthenticationConverter apiKeys, JsonMapper json,
                            MultipartConfigElement uploads, @Value("${dphub.max-json-size}") DataSize maxJson,
                            ObjectProvider<WholeFileBody> wholeFiles,
                            @Value("${dphub.sign-in.basic-for-one-time-code-roles:true}") boolean basicForCodeRoles,
                            ObjectProvider<SignInStep> steps) throws Exception {
        ProviderManager manager = only(signIn);
        http.securityMatcher("/api/**")
                .addFilterBefore(new RefusalLog(), ExceptionTranslationFilter.class)
                // a temporary password only opens the page to choose one's own; after RefusalLog, so it is logged
                .addFilterBefore(new TemporaryPasswordRefusal(json), ExceptionTranslationFilter.class)
                // a finance officer's or administrator's password alone, when the council says so (issue 17); logged the same way
                .addFilterBefore(new PasswordAloneRefusal(basicForCodeRoles, steps.orderedStream().toList(), json),
                        ExceptionTranslationFilter.class)
                .addFilterAfter(new OversizedUploads(uploads), AuthorizationFilter.class)
                .addFilterAfter(new OversizedBodies(maxJson.toBytes(), uploads.getMaxRequestSize(), wholeFiles.orderedStream().toList(), json),
                        AuthorizationFilter.class)
                .addFilterBefore(apiKeyFilter(manager, apiKeys, json), BasicAuthenticationFilter.class)
                .authenticationManager(manager)
                .authorizeHttpRequests(requests -> requests
                        // signing up as a PA needs no account (its body size and rate are limited in marketplace.api)
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/pa-registrations").permitAll()
                        // so is signing up as a provider (its rate is limited in directory)
                        .requestMatchers(org.springframework.http.HttpMethod.POST, "/api/v1/provider-registrations").permitAll()
                        // the directory's search is for everyone, signed in or not, and only reads
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/api/v1/directory/search").permitAll()
                        // the national analyst's figures (issue 16), and who they are; nothing else in the API is theirs
                        .requestMatchers("/api/v1/insights/national").hasRole("NATIONAL_ANALYST")
                        // one's own record (issue 17: subject access) is everyone's, the national analyst's too
                        .requestMatchers("/api/v1/me", "/api/v1/me/subject-access").authenticated()
                        // anyone's own API keys, the national analyst's too
                        .requestMatchers("/api/v1/api-keys", "/api/v1/api-keys/**").authenticated()
                        .anyRequest().access(signedInButNoNationalAnalyst()))
                .httpBasic(basic -> basic.authenticationEntryPoint((request, response, e) ->
                        problem(response, json, HttpStatus.UNAUTHORIZED, e instanceof TooManyFailedSignInsFromAddress ? TOO_MANY_FROM_ADDRESS
                                : e instanceof LockedException
                                ? "Too many failed attempts for this username. Wait 15 minutes and try again."
                                : e instanceof CouncilAccountRequired ? COUNCIL_ACCOUNT_REQUIRED
                                : e instanceof CredentialsExpiredException ? TEMPORARY_PASSWORD_EXPIRED
                                : NO_CREDENTIALS)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .csrf(csrf -> csrf.disable())
                .exceptionHandling(exceptions -> exceptions
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader("WWW-Authenticate", "Basic realm=\"dphub\"");
                            problem(response, json, HttpStatus.UNAUTHORIZED, NO_CREDENTIALS);
                        })
                        .accessDeniedHandler((request, response, e) ->
                                problem(response, json, HttpStatus.FORBIDDEN, "Your role does not allow this.")))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(API_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny()));
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pages(HttpSecurity http, AuthenticationProvider signIn, LocaleResolver languages,
                              MultipartConfigElement uploads, @Value("${dphub.max-json-size}") DataSize maxJson,
                              ObjectProvider<WholeFileBody> wholeFiles, ClientRegistrationRepository councilProviders,
                              ObjectProvider<SignInStep> steps, FormTokens formTokens,
                              @Value("${dphub.session.max-age:12h}") java.time.Duration sessionMaxAge) throws Exception {
        http.authenticationManager(only(signIn))
                // a session lasts at most DPHUB_SESSION_MAX_AGE however much it is used (issue 17, ASVS 3.3.2)
                .addFilterBefore(new SessionLifetime(sessionMaxAge), org.springframework.security.web.session.DisableEncodeUrlFilter.class)
                .addFilterBefore(new RefusalLog(), ExceptionTranslationFilter.class)
                // a sign-in waiting for its one-time code goes nowhere else (issue 17)
                .addFilterBefore(new PendingSignIn(), AuthorizationFilter.class)
                .addFilterBefore(new OversizedUploads(uploads), CsrfFilter.class)
                .addFilterBefore(new OversizedBodies(maxJson.toBytes(), uploads.getMaxRequestSize(), wholeFiles.orderedStream().toList(), null),
                        CsrfFilter.class)
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(PUBLIC_PAGES).permitAll()
                        .requestMatchers("/council/**").hasRole("COUNCIL_ADMIN")
                        .requestMatchers("/provider/**").hasRole("PROVIDER")
                        .requestMatchers("/directory-checks", "/directory-checks/**").hasRole("DP_TEAM")
                        .requestMatchers("/providers/**").hasRole("STAFF")
                        .requestMatchers("/directory-terms").hasAnyRole("DP_TEAM", "COUNCIL_ADMIN")
                        .requestMatchers("/citizens").hasRole("STAFF")
                        // work queues for council staff
                        .requestMatchers("/reviews", "/direct-payments/in-progress").hasRole("STAFF")
                        // issue 18: children moving to adult support at 18 (staff see them, a practitioner sets up the adult's payment)
                        .requestMatchers("/direct-payments/moving-to-adult-support").hasRole("STAFF")
                        .requestMatchers("/direct-payments/*/adult-continuation").hasRole("PRACTITIONER")
                        // pages that change a person's records: a practitioner (the services check the council too)
                        .requestMatchers("/citizens/new", "/citizens/*/representatives/new", "/citizens/*/household-members/new",
                                "/citizens/*/account/**", "/citizens/*/representatives/*/account/**", "/citizens/*/representatives/*/end", "/citizens/*/representatives/*/details", "/citizens/*/details", "/citizens/*/plans/new",
                                "/citizens/*/direct-payments/new", "/plans/*/change", "/direct-payments/*/reviews/new",
                                "/direct-payments/*/paper-agreement").hasRole("PRACTITIONER")
                        .requestMatchers("/my-plan", "/my-money").hasAnyRole("CITIZEN", "REPRESENTATIVE")
                        // the person themself changes how they are contacted (the service checks it is their own record)
                        .requestMatchers("/citizens/*/contact").hasRole("CITIZEN")
                        // money: staff see accounts; finance and the DP team change where they are paid; finance recovers
                        .requestMatchers("/accounts/*/bank-details").hasAnyRole("FINANCE", "DP_TEAM")
                        .requestMatchers("/accounts/*/statements/**").hasRole("FINANCE")
                        .requestMatchers("/checks", "/checks/**").hasAnyRole("FINANCE", "DP_TEAM")
                        .requestMatchers("/outbox", "/outbox/**").hasRole("STAFF")
                        .requestMatchers("/my-spending", "/my-spending/**").hasAnyRole("CITIZEN", "REPRESENTATIVE")
                        // employers, and the DP team or a practitioner on their behalf (the services check who may act for whom)
                        .requestMatchers("/my-employees", "/my-employees/**").hasAnyRole("CITIZEN", "REPRESENTATIVE", "DP_TEAM", "PRACTITIONER")
                        .requestMatchers("/accounts/*/surplus-recoveries/**", "/council-bank-accounts/**",
                                "/council-bank-accounts").hasRole("FINANCE")
                        .requestMatchers("/accounts/**").hasRole("STAFF")
                        .requestMatchers("/payment-runs", "/payment-runs/**").hasRole("FINANCE")
                        // issue 18: the provider holding an individual service fund, or the DP team/finance for it
                        .requestMatchers("/service-funds", "/service-funds/**").hasAnyRole("PROVIDER", "DP_TEAM", "FINANCE")
                        .requestMatchers("/citizens/*/one-off-payments/**").hasRole("PRACTITIONER")
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/one-off-payments/*").hasRole("STAFF")
                        // a budget holder's list to decide; a practitioner's own one-off payments
                        .requestMatchers(org.springframework.http.HttpMethod.GET, "/one-off-payments").hasAnyRole("BUDGET_HOLDER", "PRACTITIONER")
                        .requestMatchers("/one-off-payments", "/one-off-payments/**").hasRole("BUDGET_HOLDER")
                        .requestMatchers("/direct-payments/*/status-changes/**").hasRole("PRACTITIONER")
                        .requestMatchers("/pa/**").hasRole("PERSONAL_ASSISTANT")
                        .requestMatchers("/my-vacancies", "/my-vacancies/**").hasAnyRole("CITIZEN", "REPRESENTATIVE")
                        .requestMatchers("/pa-checks", "/pa-checks/**").hasRole("DP_TEAM")
                        .requestMatchers("/pa-pay-rates").hasRole("STAFF")
                        .requestMatchers("/directory/gaps", "/directory/gaps.csv").hasRole("STAFF")
                        // the national view of every council's suppressed figures: the national analyst's, and all they see
                        // beyond public pages, their home page and their password
                        .requestMatchers("/insights/national", "/insights/national.csv").hasRole("NATIONAL_ANALYST")
                        .requestMatchers("/home", "/account/password", "/account/api-keys", "/account/api-keys/**", "/account/sessions",
                                "/account/sessions/**").authenticated()
                        .requestMatchers("/your-data", "/your-data/download.json", "/your-data/download.pdf").authenticated()
                        .anyRequest().access(signedInButNoNationalAnalyst()))
                .formLogin(form -> form
                        .loginPage("/sign-in")
                        .loginProcessingUrl("/sign-in")
                        .usernameParameter("username")
                        .passwordParameter("password")
                        .successHandler(signedIn(languages, steps.orderedStream().toList()))
                        .failureHandler(signInFailed())
                        .permitAll())
                // issue 17: staff sign in with their council's OpenID Connect provider (authorization code with PKCE);
                // identity's provider checks who came back (the one AuthenticationProvider above, as for passwords)
                .oauth2Login(login -> login
                        .loginPage("/sign-in")
                        .clientRegistrationRepository(councilProviders)
                        .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(new CouncilAccountRequests(councilProviders)))
                        .authorizedClientRepository(new CouncilAccountRequests.KeepNoTokens())
                        // the council's provider is the second factor's place: no one-time code after it
                        .successHandler(signedIn(languages, java.util.List.of()))
                        .failureHandler(councilAccountRefused()))
                .logout(logout -> logout
                        .logoutUrl("/sign-out")
                        .logoutSuccessHandler(signedOut(councilProviders))
                        .deleteCookies("SESSION"))
                .httpBasic(basic -> basic.disable())
                // no session for someone not signed in (issue 17): a form's token is kept in a cookie until
                // there is one (FormTokens), and a page that needs signing in is not kept in a session to
                // come back to — signing in always leads to the person's home, or their one-time code
                .csrf(csrf -> csrf.csrfTokenRepository(formTokens)
                        .csrfTokenRequestHandler(new GarbledTokensAreWrongTokens()))
                .requestCache(cache -> cache.disable())
                .exceptionHandling(exceptions -> exceptions.accessDeniedHandler(formExpiredOrForbidden()))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(PAGE_CSP))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.STRICT_ORIGIN_WHEN_CROSS_ORIGIN))
                        .frameOptions(frame -> frame.deny())
                        .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }

    /**
     * Anyone signed in, except a national analyst: they hold no council and must meet no person's
     * records, so every page and endpoint not opened to them above is refused (403), whatever the
     * module behind it would check.
     */
    static AuthorizationManager<RequestAuthorizationContext> signedInButNoNationalAnalyst() {
        return AuthorizationManagers.allOf(AuthenticatedAuthorizationManager.authenticated(),
                AuthorizationManagers.not(AuthorityAuthorizationManager.hasRole(Role.NATIONAL_ANALYST.name())));
    }

    /**
     * Identity's provider and nothing else (it checks a username and password, throttled, or an
     * API key, each its own way): no parent manager, so a failed attempt is counted once, not again
     * by a global fallback.
     */
    private ProviderManager only(AuthenticationProvider signIn) {
        ProviderManager manager = new ProviderManager(signIn);
        manager.setEraseCredentialsAfterAuthentication(true);
        manager.setAuthenticationEventPublisher(authenticationEvents);
        return manager;
    }

    /**
     * Sign-in outcomes as Spring Security's events, which identity's {@code SignInEvents} writes to the
     * security log ({@link SecurityLog}); a refusal Spring does not know (a {@link CouncilAccountRequired})
     * counts as bad credentials.
     */
    private static AuthenticationEventPublisher authenticationEvents(ApplicationEventPublisher events) {
        DefaultAuthenticationEventPublisher publisher = new DefaultAuthenticationEventPublisher(events);
        publisher.setDefaultAuthenticationFailureEvent(AuthenticationFailureBadCredentialsEvent.class);
        return publisher;
    }

    /**
     * After a right password: the person's own language if they chose Welsh and have not switched
     * on this device; then, for those who must take a further step (a one-time code), that step's
     * page with the sign-in held aside until it is done ({@link PendingSignIn}); else their home.
     */
    private static AuthenticationSuccessHandler signedIn(LocaleResolver languages, List<SignInStep> steps) {
        return (request, response, authentication) -> {
            if (authentication.getPrincipal() instanceof SignedInUser.Holder holder
                    && "cy".equals(holder.signedInUser().preferredLanguage())
                    && (request.getCookies() == null || List.of(request.getCookies()).stream()
                    .noneMatch(c -> "dphub-language".equals(c.getName())))) {
                languages.setLocale(request, response, LanguageResolver.WELSH);
            }
            java.util.Optional<String> step = steps.stream().map(s -> s.pageAfterPassword(authentication))
                    .flatMap(java.util.Optional::stream).findFirst();
            if (step.isPresent()) {
                PendingSignIn.hold(request, authentication, step.get());
                response.sendRedirect(request.getContextPath() + step.get());
                return;
            }
            PendingSignIn.forget(request);
            boolean temporary = authentication.getPrincipal() instanceof SignedInUser.Holder holder
                    && holder.signedInUser().mustChangePassword();
            response.sendRedirect(request.getContextPath() + (temporary ? "/account/password" : "/home"));
        };
    }

    /**
     * A form whose CSRF token is missing or no longer matches — what a page left open until the
     * session ended sends — gets the "page was open too long" page (still 403), not "You cannot
     * see this page". Any other refusal is the plain 403 page.
     */
    static AccessDeniedHandler formExpiredOrForbidden() {
        AccessDeniedHandler forbidden = new AccessDeniedHandlerImpl();
        return (request, response, denied) -> {
            if (!(denied instanceof CsrfException) || response.isCommitted()) {
                forbidden.handle(request, response, denied);
                return;
            }
            request.setAttribute(ErrorPages.FORM_EXPIRED, Boolean.TRUE);
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.FORBIDDEN.value());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            response.setStatus(HttpStatus.FORBIDDEN.value());
            request.getRequestDispatcher("/error").forward(request, response);
        };
    }

    /**
     * Spring Security's own token check, except that a token which does not decode (a mangled
     * form) is simply a wrong token — refused as one — rather than an IllegalArgumentException
     * from deep inside the check, which was a 500.
     */
    static final class GarbledTokensAreWrongTokens implements CsrfTokenRequestHandler {
        private final XorCsrfTokenRequestAttributeHandler check = new XorCsrfTokenRequestAttributeHandler();

        @Override
        public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
            check.handle(request, response, token);
        }

        @Override
        public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
            try {
                return check.resolveCsrfTokenValue(request, token);
            } catch (IllegalArgumentException garbled) {
                return null;
            }
        }
    }

    /**
     * A council account refused, for whatever reason (identity's, with its own error code, or Spring
     * Security's: a token from another issuer, a code that does not exchange, the person cancelled):
     * the page that says so. The reason is one word in the address; identity's page says it in words.
     */
    private static AuthenticationFailureHandler councilAccountRefused() {
        return (request, response, e) -> {
            String reason = e instanceof org.springframework.security.oauth2.core.OAuth2AuthenticationException oauth
                    && oauth.getError().getErrorCode() != null && oauth.getError().getErrorCode().matches("[a-z_-]{1,40}")
                    ? oauth.getError().getErrorCode() : "not-accepted";
            response.sendRedirect(request.getContextPath() + "/sign-in/council-account/refused?reason=" + reason);
        };
    }

    /**
     * Back to the sign-in page saying why: a wrong password or a locked username, or (issue 17) a
     * right password of staff who must use their council account — then it offers that council's.
     */
    private static AuthenticationFailureHandler signInFailed() {
        return (request, response, e) -> response.sendRedirect(request.getContextPath()
                + (e instanceof TooManyFailedSignInsFromAddress ? "/sign-in?too-many-from-here"
                : e instanceof LockedException ? "/sign-in?locked"
                : e instanceof CredentialsExpiredException ? "/sign-in?temporary-password-expired"
                : e instanceof CouncilAccountRequired required ? "/sign-in?council-account=" + required.councilCode()
                : "/sign-in?error"));
    }

    /**
     * Signing out (issue 17): dphub's session is ended either way; a session that came from the
     * council's provider then goes on to the provider's own sign-out, when its discovery document
     * names an {@code end_session_endpoint} (OpenID Connect RP-initiated logout, with the ID token as
     * the hint), and comes back to the start page. Password sessions, and providers with no such
     * endpoint, go straight to the start page, as before.
     */
    private static org.springframework.security.web.authentication.logout.LogoutSuccessHandler signedOut(
            ClientRegistrationRepository councilProviders) {
        var handler = new org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler(councilProviders);
        handler.setPostLogoutRedirectUri(SIGNED_OUT_PAGE_FROM_PROVIDER);
        handler.setDefaultTargetUrl(SIGNED_OUT_PAGE);
        return handler;
    }

    static final String SIGNED_OUT_PAGE = "/?signed-out";
    /** Where a council's provider sends people back after its sign-out; its administrator registers it there. */
    static final String SIGNED_OUT_PAGE_FROM_PROVIDER = "{baseUrl}/?signed-out";

    /**
     * Reads {@code Authorization: Bearer …} (identity's converter) and lets the request in as the
     * key's owner; with no such header it does nothing, so HTTP Basic comes next. A key that is
     * unknown, revoked or expired is answered 401 problem+json at once. Nothing goes in a session.
     */
    private static AuthenticationFilter apiKeyFilter(ProviderManager manager, AuthenticationConverter apiKeys, JsonMapper json) {
        AuthenticationFilter filter = new AuthenticationFilter(manager, apiKeys);
        filter.setSuccessHandler((request, response, authentication) -> {
            // carry on to the endpoint: no redirect, nothing to save
        });
        filter.setFailureHandler((request, response, e) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"dphub\", error=\"invalid_token\"");
            problem(response, json, HttpStatus.UNAUTHORIZED,
                    "The API key is not known, was revoked, has expired, or its account is switched off.");
        });
        filter.setSecurityContextRepository(new RequestAttributeSecurityContextRepository());
        return filter;
    }

    static final String COUNCIL_ACCOUNT_REQUIRED = "Your council's staff sign in with their council account, not a password: "
            + "sign in to dphub with it, make an API key on \"Your API keys\" and send it as Authorization: Bearer dphub_…";

    static final String NO_CREDENTIALS = "Give an API key (Authorization: Bearer dphub_…) or a valid username and password "
            + "with HTTP Basic authentication.";

    static void problem(HttpServletResponse response, JsonMapper json, HttpStatus status, String detail) throws IOException {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        json.writeValue(response.getOutputStream(), problem);
    }
}
