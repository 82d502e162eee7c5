package org.dphub.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/** Real HTTP requests to the running application, as an outside client makes them. */
public final class Http {

    public static final String DEMO_PASSWORD = "demo-password-2026";

    private final HttpClient client = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    private final String base;

    public Http(int port) {
        this.base = "http://localhost:" + port;
    }

    public HttpResponse<String> get(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), headers);
    }

    public HttpResponse<String> getAs(String username, String password, String path) {
        return get(path, "Authorization", basic(username, password), "Accept", "application/json");
    }

    public HttpResponse<String> putJsonAs(String username, String password, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).PUT(HttpRequest.BodyPublishers.ofString(json)),
                "Authorization", basic(username, password), "Content-Type", "application/json", "Accept", "application/json");
    }

    public HttpResponse<String> postJsonAs(String username, String password, String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json)),
                "Authorization", basic(username, password), "Content-Type", "application/json", "Accept", "application/json");
    }

    /** A JSON post with more headers (name, value, ...), like an Idempotency-Key. */
    public HttpResponse<String> postJsonAs(String username, String password, String path, String json, String... headers) {
        String[] all = new String[headers.length + 6];
        System.arraycopy(new String[] {"Authorization", basic(username, password), "Content-Type", "application/json",
                "Accept", "application/json"}, 0, all, 0, 6);
        System.arraycopy(headers, 0, all, 6, headers.length);
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json)), all);
    }

    /** A multipart/form-data post: text fields, and a file (skipped when {@code fileName} is null). */
    public HttpResponse<String> postMultipartAs(String username, String password, String path, java.util.Map<String, String> fields,
                                                String fileName, byte[] file) {
        String boundary = "----dphub" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        fields.forEach((name, value) -> body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name
                + "\"\r\n\r\n" + value + "\r\n").getBytes(utf8)));
        if (fileName != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                    + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(utf8));
            body.writeBytes(file);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())),
                "Authorization", basic(username, password), "Content-Type", "multipart/form-data; boundary=" + boundary,
                "Accept", "application/json");
    }

    /**
     * A multipart/form-data post, as a browser sends a form with a file: text fields, then a file
     * of {@code fileSize} bytes made up as it is sent (so a 60 MB upload needs no 60 MB in memory),
     * with its Content-Length. More headers as name, value, ...
     */
    public HttpResponse<String> postFormWithFile(String path, java.util.Map<String, String> fields, String fileName, long fileSize,
                                                 String... headers) {
        String boundary = "----dphub" + System.nanoTime();
        StringBuilder head = new StringBuilder();
        fields.forEach((name, value) -> head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"")
                .append(name).append("\"\r\n\r\n").append(value).append("\r\n"));
        head.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"file\"; filename=\"").append(fileName)
                .append("\"\r\nContent-Type: application/octet-stream\r\n\r\n");
        byte[] start = head.toString().getBytes(StandardCharsets.UTF_8);
        byte[] end = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        java.util.function.Supplier<java.io.InputStream> body = () -> new java.io.SequenceInputStream(java.util.Collections.enumeration(
                java.util.List.of(new java.io.ByteArrayInputStream(start), new FileContent(fileSize), new java.io.ByteArrayInputStream(end))));
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "multipart/form-data; boundary=" + boundary;
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.fromPublisher(
                HttpRequest.BodyPublishers.ofInputStream(body), start.length + fileSize + end.length)), all);
    }

    /** {@code size} bytes of a CSV-looking file, made as they are read. */
    private static final class FileContent extends java.io.InputStream {
        private long left;

        FileContent(long size) {
            this.left = size;
        }

        @Override
        public int read() {
            return left-- > 0 ? 'a' : -1;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            if (left <= 0) {
                return -1;
            }
            int n = (int) Math.min(length, left);
            java.util.Arrays.fill(buffer, offset, offset + n, (byte) 'a');
            left -= n;
            return n;
        }
    }

    /** A DELETE with headers (name, value, ...). */
    public HttpResponse<String> delete(String path, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE(), headers);
    }

    /** A JSON post with headers (name, value, ...) of the caller's choosing, such as an API key. */
    public HttpResponse<String> postJson(String path, String json, String... headers) {
        String[] all = new String[headers.length + 4];
        System.arraycopy(new String[] {"Content-Type", "application/json", "Accept", "application/json"}, 0, all, 0, 4);
        System.arraycopy(headers, 0, all, 4, headers.length);
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(json)), all);
    }

    /** The Authorization header for an API key. */
    public static String bearer(String key) {
        return "Bearer " + key;
    }

    /** Any method with a body of the given type, as a client that has not signed in sends it. */
    public HttpResponse<String> request(String method, String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).method(method, HttpRequest.BodyPublishers.ofString(body)),
                "Content-Type", contentType, "Accept", "application/json");
    }

    /** The CSRF token of the first form on a page. */
    public static String csrfToken(String html) {
        java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(html);
        if (!token.find()) {
            throw new IllegalStateException("The page has no CSRF token");
        }
        return token.group(1);
    }

    /** A POST of any body: {@code BodyPublishers.ofByteArray} sends a Content-Length, {@code ofInputStream} a chunked body. */
    public HttpResponse<String> post(String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(body), headers);
    }

    public HttpResponse<String> postForm(String path, String form, String... headers) {
        String[] all = new String[headers.length + 2];
        all[0] = "Content-Type";
        all[1] = "application/x-www-form-urlencoded";
        System.arraycopy(headers, 0, all, 2, headers.length);
        return send(HttpRequest.newBuilder(URI.create(base + path)).POST(HttpRequest.BodyPublishers.ofString(form)), all);
    }

    /** The name of the cookie that holds a form's token for someone with no session (web.FormTokens). */
    public static final String FORM_COOKIE = "dphub-form";

    /**
     * Signs in through the sign-in page as a browser would (the form's token and its cookie, form
     * post) and returns the Cookie header value for the signed-in session.
     */
    public String signIn(String username, String password) {
        HttpResponse<String> form = get("/sign-in");
        String formCookie = FORM_COOKIE + "=" + cookie(form, FORM_COOKIE);
        HttpResponse<String> signedIn = postForm("/sign-in", "username=" + encode(username) + "&password=" + encode(password)
                + "&_csrf=" + encode(csrfToken(form.body())), "Cookie", formCookie);
        String location = signedIn.headers().firstValue("Location").orElse("");
        if (location.endsWith(AuthenticatorApp.CODE_PAGE) || location.endsWith(AuthenticatorApp.SET_UP_PAGE)) {
            long start = System.currentTimeMillis();
            String signedInSession = "SESSION=" + giveOneTimeCode(username, "SESSION=" + cookie(signedIn, "SESSION"), location);
            AuthenticatorApp.took(System.currentTimeMillis() - start);
            return signedInSession;
        }
        if (!location.endsWith("/home")) {
            throw new IllegalStateException("Sign-in as " + username + " failed: " + signedIn.headers().map());
        }
        return "SESSION=" + cookie(signedIn, "SESSION");
    }

    /**
     * What someone given a temporary password does first, as a browser would: signs in on the sign-in
     * page, is sent to choose their own password, and chooses one. Returns the password chosen, which
     * the API takes (a temporary one it refuses).
     */
    public String choosesOwnPassword(String username, String temporaryPassword) {
        HttpResponse<String> form = get("/sign-in");
        HttpResponse<String> signedIn = postForm("/sign-in", "username=" + encode(username) + "&password=" + encode(temporaryPassword)
                + "&_csrf=" + encode(csrfToken(form.body())), "Cookie", FORM_COOKIE + "=" + cookie(form, FORM_COOKIE));
        if (!signedIn.headers().firstValue("Location").orElse("").endsWith("/account/password")) {
            throw new IllegalStateException("Signing in as " + username + " did not lead to choosing a password: " + signedIn.headers().map());
        }
        String session = "SESSION=" + cookie(signedIn, "SESSION");
        String chosen = "own " + temporaryPassword + " chosen";
        HttpResponse<String> page = get("/account/password", "Cookie", session);
        HttpResponse<String> done = postForm("/account/password", "newPassword=" + encode(chosen) + "&confirmPassword=" + encode(chosen)
                + "&_csrf=" + encode(csrfToken(page.body())), "Cookie", session);
        if (!done.headers().firstValue("Location").orElse("").contains("/home?password-changed")) {
            throw new IllegalStateException("Choosing a password for " + username + " failed: " + done.statusCode() + " " + done.body());
        }
        return chosen;
    }

    /**
     * A finance officer's or administrator's second step, as {@link AuthenticatorApp} would do it: a code
     * on the code page, or the set-up page's key added and a first code given. Returns the session id.
     */
    private String giveOneTimeCode(String username, String session, String location) {
        String page = java.net.URI.create(location).getPath();
        HttpResponse<String> form = get(page, "Cookie", session);
        if (page.equals(AuthenticatorApp.SET_UP_PAGE)) {
            java.util.regex.Matcher key = java.util.regex.Pattern.compile("id=\"secret\"[^>]*>([A-Z2-7 ]+)<").matcher(form.body());
            if (!key.find()) {
                throw new IllegalStateException("The set-up page shows no key");
            }
            AuthenticatorApp.add(username, key.group(1));
        }
        HttpResponse<String> done = postForm(page, "code=" + AuthenticatorApp.code(username) + "&_csrf=" + encode(csrfToken(form.body())),
                "Cookie", session);
        boolean setUp = page.equals(AuthenticatorApp.SET_UP_PAGE) && done.statusCode() == 200 && done.body().contains("id=\"recovery-codes\"");
        if (!setUp && !done.headers().firstValue("Location").orElse("").endsWith("/home")) {
            throw new IllegalStateException("The one-time code for " + username + " was refused: " + done.statusCode() + " " + done.headers().map());
        }
        return cookie(done, "SESSION");
    }

    /** The value a response sets for a cookie (its last Set-Cookie of that name), or an error if it sets none. */
    public static String cookie(HttpResponse<String> response, String name) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .map(c -> c.substring(name.length() + 1, c.indexOf(';') > 0 ? c.indexOf(';') : c.length()))
                .reduce((first, last) -> last).orElseThrow(() -> new IllegalStateException("No " + name + " cookie in " + response.headers().map()));
    }

    /** Text as it goes in a form body or an address (UTF-8, URL-encoded). */
    public static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> send(HttpRequest.Builder builder, String... headers) {
        if (headers.length > 0) {
            builder.headers(headers);
        }
        try {
            // a benchmark at national scale may wait longer (dphub.test.http-timeout-seconds); tests keep 30 s
            return client.send(builder.timeout(Duration.ofSeconds(Integer.getInteger("dphub.test.http-timeout-seconds", 30))).build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
