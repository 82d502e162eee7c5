package org.dphub.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UnsupportedEncodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * A request body that is neither a form nor a file upload — JSON, above all — is refused with
 * 413 before anything reads it when it is larger than {@code DPHUB_MAX_JSON_SIZE} (1 MB): an
 * outside probe sent 60 MB of JSON to {@code POST /api/v1/citizens}, which was read and parsed
 * whole before its 422.
 *
 * <p>With a Content-Length the answer comes before a byte of the body is read. A chunked body has
 * no length: at most the limit and one byte more is read into memory, and either the request
 * goes on with those bytes as its body or it is refused there. Tomcat then reads what is left of
 * a refused body and throws it away ({@code server.tomcat.max-swallow-size}), so the client gets
 * the answer rather than a reset connection.
 *
 * <p>Forms are left to {@link OversizedUploads} and Tomcat: a multipart form (files) is limited by
 * {@code DPHUB_MAX_UPLOAD_SIZE}, a plain form by Tomcat's form limit
 * ({@code server.tomcat.max-http-form-post-size}, 2 MB), both read by Tomcat itself, which this
 * filter must not do first. An address that takes a whole file as its body ({@link WholeFileBody})
 * may send as much as an upload.
 *
 * <p>It sits in both security filter chains where {@link OversizedUploads} does: for the API after
 * authorisation (a caller who may not send is refused 401 or 403 first), answering problem+json
 * whatever the caller accepts; for pages before the CSRF check, answering the 413 page.
 */
final class OversizedBodies extends OncePerRequestFilter {

    private final long maxBodySize;
    private final long maxUploadSize;
    private final List<WholeFileBody> wholeFiles;
    private final JsonMapper json;

    /**
     * @param json set for the API (answers problem+json); null for pages (answers the 413 page)
     */
    OversizedBodies(long maxBodySize, long maxUploadSize, List<WholeFileBody> wholeFiles, JsonMapper json) {
        if (maxBodySize <= 0) {
            throw new IllegalArgumentException("DPHUB_MAX_JSON_SIZE must be more than 0 bytes, not " + maxBodySize);
        }
        this.maxBodySize = maxBodySize;
        this.maxUploadSize = maxUploadSize > 0 ? Math.max(maxUploadSize, maxBodySize) : maxBodySize;
        this.wholeFiles = List.copyOf(wholeFiles);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (isForm(request)) {
            chain.doFilter(request, response);
            return;
        }
        long limit = isWholeFile(request) ? maxUploadSize : maxBodySize;
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, limit); // known before reading a byte
            return;
        }
        if (length < 0 && request.getHeader("Transfer-Encoding") != null) {
            // chunked: read no more than the limit and one byte, to know which side of it the body is
            byte[] body = request.getInputStream().readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (body.length > limit) {
                refuse(request, response, limit);
                return;
            }
            chain.doFilter(new ReadBody(request, body), response);
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean isForm(HttpServletRequest request) {
        String type = request.getContentType();
        if (type == null) {
            return false;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        return lower.startsWith("multipart/")
                || lower.startsWith("application/x-www-form-urlencoded") && "POST".equals(request.getMethod());
    }

    private boolean isWholeFile(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return wholeFiles.stream().anyMatch(f -> f.method().matches(request.getMethod()) && f.path().equals(path));
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, long limit) throws ServletException, IOException {
        String size = ErrorPages.readableSize(limit);
        if (json != null) {
            SecurityConfiguration.problem(response, json, HttpStatus.CONTENT_TOO_LARGE, "The request body is larger than the "
                    + size + " limit. Send at most " + size + ". Nothing was saved.");
            return;
        }
        request.setAttribute(ErrorPages.BODY_TOO_LARGE, size);
        request.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, HttpStatus.CONTENT_TOO_LARGE.value());
        request.setAttribute(RequestDispatcher.ERROR_REQUEST_URI, request.getRequestURI());
        request.getRequestDispatcher("/error").forward(new OversizedUploads.WithoutTheBody(request), response);
    }

    /** The request with the body already read (a chunked one under the limit). */
    static final class ReadBody extends HttpServletRequestWrapper {

        private final byte[] body;

        ReadBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] buffer, int offset, int length) {
                    return in.read(buffer, offset, length);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new IllegalStateException("The body has been read already");
                }
            };
        }

        @Override
        public BufferedReader getReader() throws UnsupportedEncodingException {
            String encoding = getCharacterEncoding();
            Charset charset;
            try {
                charset = encoding == null ? StandardCharsets.UTF_8 : Charset.forName(encoding);
            } catch (IllegalArgumentException unknown) {
                throw new UnsupportedEncodingException(encoding);
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }
}
