package org.dphub.support;

import jakarta.servlet.Filter;
import java.util.IdentityHashMap;
import java.util.Map;
import org.springframework.context.ApplicationContext;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * Keeps the application's own CSRF token store in its filter for every test. Spring Security's
 * MockMvc {@code csrf()} (and {@code formLogin()}, which uses it) swaps the shared filter's store
 * for a session-only test store, for good: every test after it in the one cached context — the
 * browser journeys and the HTTP tests too — would then run with sessions made on the sign-in page,
 * not with what dphub does ({@code web.FormTokens}: no session until someone signs in). This puts
 * the application's store back before and after each test.
 */
public final class RealFormTokens implements TestExecutionListener {

    private static final Map<CsrfFilter, CsrfTokenRepository> ORIGINAL = new IdentityHashMap<>();

    @Override
    public void beforeTestMethod(TestContext context) {
        restore(context);
    }

    @Override
    public void afterTestMethod(TestContext context) {
        restore(context);
    }

    private static synchronized void restore(TestContext context) {
        if (!context.hasApplicationContext()) {
            return;
        }
        ApplicationContext app = context.getApplicationContext();
        if (!app.containsBean("springSecurityFilterChain")) {
            return;
        }
        Filter chain = app.getBean("springSecurityFilterChain", Filter.class);
        if (!(chain instanceof FilterChainProxy proxy)) {
            return;
        }
        for (SecurityFilterChain each : proxy.getFilterChains()) {
            for (Filter filter : each.getFilters()) {
                if (filter instanceof CsrfFilter csrf) {
                    CsrfTokenRepository now = (CsrfTokenRepository) ReflectionTestUtils.getField(csrf, "tokenRepository");
                    if (!ORIGINAL.containsKey(csrf) && now.getClass().getName().contains("TestCsrfTokenRepository")) {
                        throw new IllegalStateException("A test swapped the CSRF token store before this listener first saw it");
                    }
                    CsrfTokenRepository original = ORIGINAL.computeIfAbsent(csrf, f -> now);
                    if (now != original) {
                        ReflectionTestUtils.setField(csrf, "tokenRepository", original);
                    }
                }
            }
        }
    }
}
