package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ReadListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.tomcat.util.http.InvalidParameterException;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * A form sent with a file over {@code DPHUB_MAX_UPLOAD_SIZE} gets the GOV.UK "file is too big"
 * page (problem+json for the API), not Tomcat's bare "HTTP Status 413".
 *
 * <p>Tomcat 11 refuses a too-big body by throwing from {@code getParameter}, and throws again on
 * every later call for the same request — from the CSRF check, from the language switch, and from
 * the error page itself, which is why Tomcat fell back to its own page. So this filter reads the
 * form first; when it is too big, nothing else sees the request: it is forwarded to
 * {@code /error} as a GET without a body, and answered 413. Tomcat then reads the rest of the
 * upload and throws it away ({@code server.tomcat.max-swallow-size}), so the browser gets the page
 * instead of a reset connection.
 *
 * <p>It sits inside both security filter chains, after the security headers are set up: for
 * pages just before the CSRF check (which would read the form anyway), for the API after
 * authorisation, so a caller who may not upload is refused (401, 403) before any body is read.
 */
final class OversizedUploads extends OncePerRequestFilter {

    private final long maxRequestSize;

    OversizedUploads(MultipartConfigElement multipart) {
        this.maxRequestSize = multipart.getMaxRequestSize();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (hasForm(request) && tooLarge(request)) {
            if (request.getContentType().toLowerCase(Locale.ROOT).startsWith("multipart/")) {
                request.setAttribute(ErrorPages.FILE_TOO_LARGE, Boolean.TRUE); // the page says how big a file may be
            }
            request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
            request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
            request.getRequestDispatcher("/error").forward(new WithoutTheBody(request), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean hasForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/") || lower.startsWith("application/x-www-form-urlencoded");
    }

    private boolean tooLarge(HttpServletRequest request) {
        if (maxRequestSize > 0 && request.getContentLengthLong() > maxRequestSize) {
            return true; // known before reading a byte
        }
        try {
            request.getParameterMap(); // reads the form now (the CSRF check would, a moment later)
            return false;
        } catch (InvalidParameterException refused) {
            if (refused.getErrorCode() == HttpStatus.CONTENT_TOO_LARGE.value()) {
                return true;
            }
            throw refused;
        }
    }

    /** The request as a GET with only its query string: nothing can touch the body Tomcat refused. */
    static final class WithoutTheBody extends HttpServletRequestWrapper {

        private final Map<String, String[]> query;

        WithoutTheBody(HttpServletRequest request) {
            super(request);
            Map<String, String[]> parsed = new LinkedHashMap<>();
            if (request.getQueryString() != null) {
                UriComponentsBuilder.newInstance().query(request.getQueryString()).build().getQueryParams()
                        .forEach((name, values) -> parsed.put(decode(name), values.stream()
                                .map(v -> v == null ? "" : decode(v)).toArray(String[]::new)));
            }
            this.query = Collections.unmodifiableMap(parsed);
        }

        private static String decode(String text) {
            return UriUtils.decode(text.replace('+', ' '), StandardCharsets.UTF_8);
        }

        @Override
        public String getMethod() {
            return "GET";
        }

        @Override
        public String getContentType() {
            return null;
        }

        @Override
        public int getContentLength() {
            return 0;
        }

        @Override
        public long getContentLengthLong() {
            return 0;
        }

        @Override
        public String getParameter(String name) {
            String[] values = query.get(name);
            return values == null || values.length == 0 ? null : values[0];
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return query;
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return Collections.enumeration(query.keySet());
        }

        @Override
        public String[] getParameterValues(String name) {
            return query.get(name);
        }

        @Override
        public Collection<Part> getParts() {
            return List.of();
        }

        @Override
        public Part getPart(String name) {
            return null;
        }

        @Override
        public ServletInputStream getInputStream() {
            return new ServletInputStream() {
                @Override
                public int read() {
                    return -1;
                }

                @Override
                public boolean isFinished() {
                    return true;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("No body to read");
                }
            };
        }
    }
}
