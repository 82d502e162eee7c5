package org.dphub.web;

import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.session.autoconfigure.SessionProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.io.ResourceLoader;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.PostgreSqlJdbcIndexedSessionRepositoryCustomizer;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.transaction.PlatformTransactionManager;

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
 *
 * <p>Spring Session also writes the session's row on every request, only to move its last-access
 * time on. It is now written when something else changed (a new id at sign-in, the person signed
 * in, the time-out) or when the stored time is a minute old or more: a person clicking through
 * pages causes one write a minute, not one a page (bin/bench load). Idle time is counted from the
 * time stored, so a session may end up to a minute before its time-out. An older request finishing
 * after a newer one never moves the time back.
 *
 * <p>A request reads its session from the database once, not twice, and a page where only the
 * time moved on sends no update at all ({@link SessionReadOnce}), and that read is one statement,
 * without a transaction ({@link SessionTransactions}). The attributes it reads are deserialized once for
 * the same bytes, not at every page ({@link SessionAttributeValues}).
 */
@Configuration(proxyBeanMethods = false)
class SessionConfiguration {

    /** How stale the stored last-access time may be before a request writes it again. */
    static final long LAST_ACCESS_WRITTEN_EVERY_MILLIS = 60_000;

    @Bean
    PostgreSqlJdbcIndexedSessionRepositoryCustomizer sessionAttributesUpserted() {
        return new PostgreSqlJdbcIndexedSessionRepositoryCustomizer();
    }

    /** Spring Session's own update, with its six parameters in the same order, that skips a row where only the time moved on. */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> lastAccessWrittenOnceAMinute() {
        return repository -> repository.setUpdateSessionQuery("""
                UPDATE %TABLE_NAME% AS s
                SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access_time,
                    MAX_INACTIVE_INTERVAL = v.max_inactive_interval, EXPIRY_TIME = v.expiry_time, PRINCIPAL_NAME = v.principal_name
                FROM (SELECT CAST(? AS CHAR(36)) AS session_id, CAST(? AS BIGINT) AS last_access_time,
                             CAST(? AS INT) AS max_inactive_interval, CAST(? AS BIGINT) AS expiry_time,
                             CAST(? AS VARCHAR(100)) AS principal_name, CAST(? AS CHAR(36)) AS primary_id) AS v
                WHERE s.PRIMARY_ID = v.primary_id
                  AND (s.SESSION_ID <> v.session_id OR s.MAX_INACTIVE_INTERVAL <> v.max_inactive_interval
                       OR s.PRINCIPAL_NAME IS DISTINCT FROM v.principal_name
                       OR v.last_access_time - s.LAST_ACCESS_TIME >= {EVERY})
                """.replace("{EVERY}", Long.toString(LAST_ACCESS_WRITTEN_EVERY_MILLIS)));
    }

    /**
     * What Spring Session's repository turns attributes into bytes and back with ({@link SessionAttributeValues});
     * it asks for this name. Not a candidate for anything else that wants a {@code ConversionService}.
     */
    @Bean(defaultCandidate = false)
    ConversionService springSessionConversionService(ResourceLoader resources) {
        return SessionAttributeValues.conversionService(resources.getClassLoader());
    }

    /** Spring Session's repository, answering a second read of a session within a request from the first. */
    @Bean
    static BeanPostProcessor sessionsReadOnceARequest() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof JdbcIndexedSessionRepository repository ? SessionReadOnce.around(repository) : bean;
            }
        };
    }

    /**
     * Spring Session's set-up, given {@link SessionTransactions} before it makes the repository: what it
     * would make itself, except that reading a session runs without a transaction. (Not a bean: a
     * {@code TransactionOperations} bean would stand in for Spring Boot's own {@code TransactionTemplate}.)
     */
    @Bean
    static BeanPostProcessor sessionsReadWithoutATransaction(ObjectProvider<PlatformTransactionManager> transactions) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof JdbcHttpSessionConfiguration configuration) {
                    configuration.setTransactionOperations(new SessionTransactions(transactions.getObject()));
                }
                return bean;
            }
        };
    }

    /** What marks a request for {@link SessionReadOnce}: just outside Spring Session's filter, for every dispatch. */
    @Bean
    FilterRegistrationBean<SessionReadOnce.Scope> sessionReadOnceScope(SessionProperties sessions) {
        FilterRegistrationBean<SessionReadOnce.Scope> registration = new FilterRegistrationBean<>(new SessionReadOnce.Scope());
        registration.setOrder(sessions.getServlet().getFilterOrder() - 1);
        registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
        return registration;
    }
}
