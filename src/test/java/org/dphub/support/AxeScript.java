package org.dphub.support;

import jakarta.servlet.Filter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;

/**
 * Tests only: the application also serves axe-core's script (the axe.min.js the axe-core selenium
 * library bundles) at {@link #PATH}, so that a browser test's page can load it as a script of its
 * own origin, which Chromium keeps in its cache, compiled, from one page to the next, rather than
 * be sent the whole script for every check. Answered before any other filter: the script is
 * public, like the page's own files.
 */
@TestConfiguration(proxyBeanMethods = false)
public class AxeScript {

    public static final String PATH = "/test-only/axe.min.js";

    static final byte[] SCRIPT = read();

    private static byte[] read() {
        try (InputStream in = AxeScript.class.getResourceAsStream("/axe.min.js")) {
            return Objects.requireNonNull(in, "axe.min.js from com.deque.html.axe-core:selenium").readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Bean
    FilterRegistrationBean<Filter> axeScriptForBrowserTests() {
        Filter serve = (request, response, chain) -> {
            if (!"GET".equals(((HttpServletRequest) request).getMethod())) {
                chain.doFilter(request, response);
                return;
            }
            HttpServletResponse answer = (HttpServletResponse) response;
            answer.setContentType("text/javascript;charset=UTF-8");
            answer.setHeader("Cache-Control", "public, max-age=86400");
            answer.setContentLength(SCRIPT.length);
            answer.getOutputStream().write(SCRIPT);
        };
        FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(serve);
        registration.addUrlPatterns(PATH);
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
