package org.dphub.support;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.Banner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configuration.OAuth2AuthorizationServerConfiguration;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;

/**
 * A real OpenID Connect provider for tests: Spring Authorization Server in a small
 * {@link SpringApplication} of its own (its own context and Tomcat on a random port, no
 * auto-configuration, none of the application's listeners), with form sign-in, the clients and
 * people a test gives it, and a {@code groups} claim in each person's ID token (a token
 * customizer, as a council's Entra ID or Keycloak sends one), and OpenID Connect RP-initiated
 * logout back to the client's start page. Not a second context of the
 * application: the application's ITs still share one.
 */
public final class TestOidcProvider implements AutoCloseable {

    /** A person at the provider: their groups (null: no groups claim at all), email and name. */
    public record Person(String username, String password, List<String> groups, String email, String name) {
    }

    /** A client the provider knows: dphub registered for one council. */
    public record Client(String clientId, String secret, String redirectUri) {
    }

    /** What the provider is told to do; people and groups may change while it runs. */
    public static final class Setup {
        final Map<String, Person> people = new ConcurrentHashMap<>();
        final List<Client> clients = new ArrayList<>();
        /** People whose ID tokens claim to come from another issuer (signed with this provider's key all the same). */
        final Map<String, String> forgedIssuers = new ConcurrentHashMap<>();
        String cookieName = "PROVIDERSESSION";
    }

    private final Setup setup;
    private final ConfigurableApplicationContext context;

    private TestOidcProvider(Setup setup, ConfigurableApplicationContext context) {
        this.setup = setup;
        this.context = context;
    }

    /** Starts a provider with these clients; its session cookie has its own name, so two providers on localhost do not mix. */
    public static TestOidcProvider start(String cookieName, List<Client> clients) {
        Setup setup = new Setup();
        setup.clients.addAll(clients);
        setup.cookieName = cookieName;
        SpringApplication application = new SpringApplication(ProviderConfiguration.class);
        application.setWebApplicationType(WebApplicationType.SERVLET);
        // none of the application's listeners (logging set-up, its environment post-processors, config files)
        application.setListeners(List.of());
        application.setBannerMode(Banner.Mode.OFF);
        application.setLogStartupInfo(false);
        application.setRegisterShutdownHook(false);
        application.addInitializers(context -> context.getBeanFactory().registerSingleton("providerSetup", setup));
        ConfigurableApplicationContext context = application.run();
        return new TestOidcProvider(setup, context);
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** The issuer: Spring Authorization Server names itself by the address it is reached at. */
    public String issuer() {
        return "http://localhost:" + port();
    }

    public TestOidcProvider person(Person person) {
        setup.people.put(person.username(), person);
        return this;
    }

    /** From now on this person's ID tokens say they were issued by {@code issuer}. */
    public TestOidcProvider forgeIssuer(String username, String issuer) {
        setup.forgedIssuers.put(username, issuer);
        return this;
    }

    @Override
    public void close() {
        context.close();
    }

    /**
     * The provider's beans. Not a {@code @Configuration}: the application's own component scan
     * covers the test classes, and must not find it (it is only ever the primary source of the
     * provider's own {@link SpringApplication}).
     */
    @EnableWebSecurity
    static class ProviderConfiguration {

        @Bean
        TomcatServletWebServerFactory providerServer(Setup setup) {
            TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
            factory.addContextCustomizers(tomcat -> tomcat.setSessionCookieName(setup.cookieName));
            return factory;
        }

        /**
         * A servlet for Tomcat to map every address to, so the filters (which are the whole
         * provider) run; it answers nothing itself.
         */
        @Bean
        jakarta.servlet.Servlet nothingButFilters() {
            return new jakarta.servlet.http.HttpServlet() {
                @Override
                protected void service(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
                        throws java.io.IOException {
                    response.sendError(404);
                }
            };
        }

        /** The provider's endpoints: authorize, token, JWKs, discovery, user info (OIDC). */
        @Bean
        @Order(1)
        SecurityFilterChain provider(HttpSecurity http) throws Exception {
            http.oauth2AuthorizationServer(server -> {
                        http.securityMatcher(server.getEndpointsMatcher());
                        server.oidc(Customizer.withDefaults());
                    })
                    .authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .oauth2ResourceServer(resource -> resource.jwt(Customizer.withDefaults()))
                    .exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/login")));
            return http.build();
        }

        /** Its sign-in form (Spring Security's own page). */
        @Bean
        @Order(2)
        SecurityFilterChain signIn(HttpSecurity http) throws Exception {
            http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated())
                    .formLogin(Customizer.withDefaults());
            return http.build();
        }

        @Bean
        UserDetailsService people(Setup setup) {
            return username -> {
                Person person = setup.people.get(username);
                if (person == null) {
                    throw new org.springframework.security.core.userdetails.UsernameNotFoundException(username);
                }
                return User.withUsername(person.username()).password("{noop}" + person.password()).roles("USER").build();
            };
        }

        @Bean
        RegisteredClientRepository clients(Setup setup) {
            List<RegisteredClient> clients = setup.clients.stream().map(c -> RegisteredClient.withId(UUID.randomUUID().toString())
                    .clientId(c.clientId())
                    .clientSecret("{noop}" + c.secret())
                    .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                    .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                    .redirectUri(c.redirectUri())
                    // RP-initiated logout (its end_session_endpoint is in discovery): back to the app's start page
                    .postLogoutRedirectUri(java.net.URI.create(c.redirectUri()).resolve("/?signed-out").toString())
                    .scope("openid").scope("profile").scope("email")
                    // no consent screen; and a client that sends no PKCE proof key is refused
                    .clientSettings(ClientSettings.builder().requireAuthorizationConsent(false).requireProofKey(true).build())
                    .build()).toList();
            return new InMemoryRegisteredClientRepository(clients);
        }

        @Bean
        JWKSource<SecurityContext> keys() throws Exception {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            RSAKey key = new RSAKey.Builder((RSAPublicKey) pair.getPublic()).privateKey((RSAPrivateKey) pair.getPrivate())
                    .keyID(UUID.randomUUID().toString()).build();
            return new ImmutableJWKSet<>(new JWKSet(key));
        }

        @Bean
        JwtDecoder accessTokens(JWKSource<SecurityContext> keys) {
            return OAuth2AuthorizationServerConfiguration.jwtDecoder(keys);
        }

        @Bean
        AuthorizationServerSettings settings() {
            return AuthorizationServerSettings.builder().build();
        }

        /** The person's groups, email and name in the ID token, as a council's provider sends them; a forged issuer when told to. */
        @Bean
        OAuth2TokenCustomizer<JwtEncodingContext> idTokens(Setup setup) {
            return context -> {
                if (!OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue())) {
                    return;
                }
                Person person = setup.people.get(context.getPrincipal().getName());
                if (person == null) {
                    return;
                }
                if (person.groups() != null) {
                    context.getClaims().claim("groups", person.groups());
                }
                if (person.email() != null) {
                    context.getClaims().claim("email", person.email());
                    context.getClaims().claim("email_verified", true);
                }
                if (person.name() != null) {
                    context.getClaims().claim("name", person.name());
                }
                String forged = setup.forgedIssuers.get(person.username());
                if (forged != null) {
                    context.getClaims().issuer(forged);
                }
            };
        }
    }
}
