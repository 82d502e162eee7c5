package org.dphub.marketplace.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sign-up needs no account, so its body is limited before anything reads it: an email, a
 * password and a name fit in 4 KB; a larger or unsized (chunked) body is refused with 413.
 */
@Configuration(proxyBeanMethods = false)
class RegistrationSizeLimit {

    static final long MAX_BYTES = 4_096;

    @Bean
    FilterRegistrationBean<OncePerRequestFilter> registrationBodyLimit() {
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                long length = request.getContentLengthLong();
                if ("POST".equals(request.getMethod()) && (length < 0 || length > MAX_BYTES)) {
                    response.setStatus(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                    response.setContentType("application/problem+json");
                    response.setCharacterEncoding("UTF-8");
                    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"Content Too Large\",\"status\":413,"
                            + "\"detail\":\"A sign-up is at most " + MAX_BYTES + " bytes, with a Content-Length header.\"}");
                    return;
                }
                chain.doFilter(request, response);
            }
        });
        registration.addUrlPatterns("/api/v1/pa-registrations");
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
        return registration;
    }
}
