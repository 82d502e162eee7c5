package org.dphub.directory.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.StaticHeadersWriter;

/**
 * /openreferral/** is open data: anyone may read it (GET, HEAD, OPTIONS), from any web page
 * ({@code Access-Control-Allow-Origin: *}), with no sign-in, no session and no CSRF token. Nothing
 * there writes, so every other method is refused. Checked before the API's and the pages' chains.
 */
@Configuration(proxyBeanMethods = false)
class OpenReferralSecurity {

    @Bean
    @Order(0)
    SecurityFilterChain openReferral(HttpSecurity http) throws Exception {
        http.securityMatcher("/openreferral", "/openreferral/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.GET, "/openreferral", "/openreferral/**").permitAll()
                        .requestMatchers(HttpMethod.HEAD, "/openreferral", "/openreferral/**").permitAll()
                        .requestMatchers(HttpMethod.OPTIONS, "/openreferral", "/openreferral/**").permitAll()
                        .anyRequest().denyAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(cache -> cache.disable())
                .securityContext(context -> context.disable())
                .anonymous(anonymous -> { })
                .csrf(csrf -> csrf.disable())
                .httpBasic(basic -> basic.disable())
                .formLogin(form -> form.disable())
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(frame -> frame.deny())
                        .addHeaderWriter(new StaticHeadersWriter("Access-Control-Allow-Origin", "*")));
        return http.build();
    }
}
