package org.dphub.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether a new password is in a corpus of breached passwords, by the Pwned Passwords range API
 * (ASVS 2.1.7; {@code DPHUB_BREACHED_PASSWORDS_URL}, e.g. {@code https://api.pwnedpasswords.com/range/}):
 * only the first 5 characters of the password's SHA-1 leave the server (k-anonymity), with padding
 * asked for so the answer's size says nothing either, and the rest is matched here. Off when the
 * setting is empty (the default: sending even that is the council's decision). When the service
 * does not answer within its time or answers wrongly, the password is not refused for it: a person
 * is not stopped from choosing one because another service is down; the log says so.
 */
public class BreachedPasswords {

    static final Duration TIME = Duration.ofSeconds(3);
    private static final Logger log = LoggerFactory.getLogger(BreachedPasswords.class);

    private final String url;
    private final HttpClient client;

    public BreachedPasswords(String url) {
        this.url = url == null ? "" : url.strip();
        this.client = this.url.isEmpty() ? null : HttpClient.newBuilder().connectTimeout(TIME).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** Nothing is asked anywhere. */
    public static BreachedPasswords off() {
        return new BreachedPasswords("");
    }

    public boolean on() {
        return client != null;
    }

    /** In the corpus at least once; false when off, or when the service could not say. */
    public boolean breached(String password) {
        if (client == null) {
            return false;
        }
        String hash = sha1(password);
        String prefix = hash.substring(0, 5);
        String suffix = hash.substring(5);
        try {
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(url + prefix)).timeout(TIME)
                    .header("Add-Padding", "true").header("User-Agent", "dphub").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                log.warn("The breached-passwords service answered {}: a new password was not checked against it", answer.statusCode());
                return false;
            }
            for (String line : answer.body().split("\r?\n")) {
                int colon = line.indexOf(':');
                // padding lines have a count of 0: not breached
                if (colon == 35 && line.regionMatches(true, 0, suffix, 0, 35) && !"0".equals(line.substring(colon + 1).strip())) {
                    return true;
                }
            }
            return false;
        } catch (java.io.IOException | RuntimeException e) {
            log.warn("The breached-passwords service did not answer ({}): a new password was not checked against it", e.toString());
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String sha1(String password) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1").digest(password.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).toUpperCase(Locale.ROOT);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
