package org.dphub.web;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.session.Session;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * A request reads its session from the database once, and writes it only when something changed.
 *
 * <p>Spring Session's filter reads the session when the request first asks for it. When the page has
 * been sent before the filter ends (every page: the whole page is written, then flushed), the filter
 * saves the session then, forgets what it read, and at its end saves again, reading the session
 * again only to learn the id the browser sent (spring-projects/spring-session#1731 and #1424, open).
 * With the write of its last-access time, every signed-in page sent two reads and a write, each a
 * transaction of its own: six round trips to PostgreSQL, though the session had mostly not changed
 * at all (bin/bench load; a round trip costs both the instance and PostgreSQL a system call each way).
 * Now it sends one read: two round trips.
 *
 * <p>Within one request, the session repository now:
 * <ul>
 * <li>answers a second read of an id with the session it already read or saved in that request, the
 * same object the filter holds. A session it deleted (signing out, an expired session) or whose id
 * it changed (signing in) is forgotten, so a read of that id goes to the database and finds nothing,
 * as before;</li>
 * <li>does not save a session it read or saved in that request when nothing but its last-access time
 * moved on, by less than {@link SessionConfiguration#LAST_ACCESS_WRITTEN_EVERY_MILLIS}: the update
 * that {@code SessionConfiguration} sets would write nothing then (its own condition still keeps an
 * older request from moving the time back). Whether the session's attributes changed is read from
 * Spring Session's own record of them ({@code JdbcSession.getDelta()}, not public); should a later
 * Spring Session not have it, every session is saved, as before ({@code SessionsIT} counts the saves
 * and would say so).</li>
 * </ul>
 * Outside a request (the clean-up job, staff ending a person's sessions) every call goes to the
 * database. In or out of one, a read runs without a transaction ({@link SessionTransactions}).
 *
 * <p>{@link Scope} marks the request: a filter just outside Spring Session's
 * ({@code SessionConfiguration}), so what is kept for a request is dropped when it ends.
 */
final class SessionReadOnce implements MethodInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SessionReadOnce.class);

    /** The sessions read or saved in the request this thread is serving, by id; none outside a request. */
    private static final ThreadLocal<Map<String, Stored>> IN_THIS_REQUEST = new ThreadLocal<>();

    /** Spring Session's record of a session's changed attributes, or null if this Spring Session has none. */
    private static final MethodHandle CHANGED_ATTRIBUTES = changedAttributes();

    /** A session as the database holds it: read, or saved, in this request. */
    private record Stored(Session session, Instant lastAccess, Duration maxInactive) {

        static Stored now(Session session) {
            return new Stored(session, session.getLastAccessedTime(), session.getMaxInactiveInterval());
        }
    }

    private SessionReadOnce() {
    }

    /** The repository, answering a second read of an id within a request from what it read or saved. */
    static JdbcIndexedSessionRepository around(JdbcIndexedSessionRepository repository) {
        ProxyFactory proxy = new ProxyFactory(repository);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new SessionReadOnce());
        return (JdbcIndexedSessionRepository) proxy.getProxy(SessionReadOnce.class.getClassLoader());
    }

    /** What a request does (a filter chain going on), within which a session is read from the database once. */
    @FunctionalInterface
    interface RequestWork {
        void run() throws IOException, ServletException;
    }

    /** Runs {@code work} as one request: a session is read from the database once within it. */
    static void during(RequestWork work) throws IOException, ServletException {
        if (IN_THIS_REQUEST.get() != null) {
            work.run();
            return;
        }
        IN_THIS_REQUEST.set(new HashMap<>());
        try {
            work.run();
        } finally {
            IN_THIS_REQUEST.remove();
        }
    }

    @Override
    public Object invoke(MethodInvocation invocation) throws Throwable {
        Map<String, Stored> known = IN_THIS_REQUEST.get();
        if (known == null) {
            return "findById".equals(invocation.getMethod().getName()) ? SessionTransactions.readingOne(invocation::proceed)
                    : invocation.proceed();
        }
        Object[] arguments = invocation.getArguments();
        switch (invocation.getMethod().getName()) {
            case "findById" -> {
                Stored already = known.get((String) arguments[0]);
                if (already != null) {
                    return already.session();
                }
                Object found = SessionTransactions.readingOne(invocation::proceed);
                if (found instanceof Session session) {
                    known.put(session.getId(), Stored.now(session));
                }
                return found;
            }
            case "save" -> {
                Session session = (Session) arguments[0];
                if (onlyTheTimeMovedOn(known.get(session.getId()), session)) {
                    return null;
                }
                Object result = invocation.proceed();
                // signing in changes the session's id: the old one is no longer in the database
                known.values().removeIf(stored -> stored.session() == session);
                known.put(session.getId(), Stored.now(session));
                return result;
            }
            case "deleteById" -> {
                known.remove((String) arguments[0]);
                return invocation.proceed();
            }
            default -> {
                return invocation.proceed();
            }
        }
    }

    /**
     * Whether saving {@code session} would write nothing: it is the session the database holds
     * ({@code stored}, under the same id), with the same time-out and attributes, and its last access
     * is less than {@link SessionConfiguration#LAST_ACCESS_WRITTEN_EVERY_MILLIS} after the stored one.
     */
    private static boolean onlyTheTimeMovedOn(Stored stored, Session session) {
        if (stored == null || stored.session() != session || CHANGED_ATTRIBUTES == null
                || !session.getMaxInactiveInterval().equals(stored.maxInactive())
                || Duration.between(stored.lastAccess(), session.getLastAccessedTime()).toMillis()
                        >= SessionConfiguration.LAST_ACCESS_WRITTEN_EVERY_MILLIS) {
            return false;
        }
        try {
            return ((Map<?, ?>) CHANGED_ATTRIBUTES.invoke(session)).isEmpty();
        } catch (Throwable notItsSession) {
            return false;
        }
    }

    private static MethodHandle changedAttributes() {
        try {
            Class<?> jdbcSession = Class.forName(JdbcIndexedSessionRepository.class.getName() + "$JdbcSession");
            return MethodHandles.privateLookupIn(jdbcSession, MethodHandles.lookup())
                    .findVirtual(jdbcSession, "getDelta", MethodType.methodType(Map.class))
                    .asType(MethodType.methodType(Map.class, Session.class));
        } catch (ReflectiveOperationException | RuntimeException e) {
            log.warn("Spring Session's record of changed attributes was not found ({}): every session is saved at the end of"
                    + " each request", e.toString());
            return null;
        }
    }

    /** The filter that marks a request, placed just outside Spring Session's. */
    static final class Scope implements Filter {

        @Override
        public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
                throws IOException, ServletException {
            during(() -> chain.doFilter(request, response));
        }
    }
}
