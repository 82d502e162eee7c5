package org.dphub.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;

/**
 * Sessions live in PostgreSQL (Spring Session JDBC, set up by Spring Boot), embedded or external —
 * dphub runs on nothing else.
 *
 * <p>Spring Session saves an attribute it did not load with a plain INSERT. Requests sent at once
 * in one session (a browser loading a page and its links, several tabs, wrk at 50 connections)
 * each find no CSRF token yet, each make one, and each INSERT it: all but the first failed on
 * {@code spring_session_attributes_pk}, a 500 for the person. PostgreSQL's upsert
 * ({@code ON CONFLICT ... DO UPDATE}) lets the last one win instead. Only the token stored last is
 * then good for a form; a form on one of the other pages shown in that same instant is refused
 * as "the page was open for too long" (403, nothing saved, send it again) — never a 500. This
 * happens only when a session's first token is made, so in practice only with two tabs opened
 * at the very moment of signing in.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }
}
