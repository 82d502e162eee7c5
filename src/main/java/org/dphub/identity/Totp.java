package org.dphub.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Time-based one-time codes, RFC 6238 as authentication apps make them: HMAC-SHA1 of the number
 * of 30-second steps since 1970 (RFC 4226's dynamic truncation), 6 digits. Plain Java, no Spring,
 * so tests (and the test suite's stand-in for a person's app) use the very same code.
 */
public final class Totp {

    public static final int DIGITS = 6;
    public static final int STEP_SECONDS = 30;
    /** Steps either side of now that are still accepted: a phone's clock a little fast or slow. */
    public static final int DRIFT_STEPS = 1;

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private Totp() {
    }

    /** The time step an instant falls in (RFC 6238's T, with T0 = 0 and X = 30 s). */
    public static long step(Instant instant) {
        return Math.floorDiv(instant.getEpochSecond(), STEP_SECONDS);
    }

    /** The code for a step, {@code digits} long (6 for people; RFC 6238's test vectors use 8). */
    public static String code(byte[] secret, long step, int digits) {
        if (digits < 1 || digits > 8) {
            throw new IllegalArgumentException("1 to 8 digits");
        }
        byte[] hash;
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(secret, "HmacSHA1"));
            hash = mac.doFinal(ByteBuffer.allocate(8).putLong(step).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is part of every Java runtime", e);
        }
        int offset = hash[hash.length - 1] & 0x0f;
        int binary = ((hash[offset] & 0x7f) << 24) | ((hash[offset + 1] & 0xff) << 16)
                | ((hash[offset + 2] & 0xff) << 8) | (hash[offset + 3] & 0xff);
        String code = Integer.toString(binary % POWERS[digits]);
        return "0".repeat(digits - code.length()) + code;
    }

    public static String code(byte[] secret, long step) {
        return code(secret, step, DIGITS);
    }

    /** Whether a typed code is one at all: exactly 6 digits (spaces already taken out). */
    public static boolean wellFormed(String code) {
        return code != null && code.length() == DIGITS && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Checks a code against now and the step either side. A code of a step at or before
     * {@code lastUsedStep} is refused as used, even if it is right: each code signs in once.
     */
    public static Check check(byte[] secret, String code, long nowStep, long lastUsedStep) {
        byte[] typed = code.getBytes(StandardCharsets.US_ASCII);
        Check found = Check.wrong();
        for (long step = nowStep - DRIFT_STEPS; step <= nowStep + DRIFT_STEPS; step++) {
            // every step is compared, in constant time, so the answer's timing says nothing
            boolean same = MessageDigest.isEqual(typed, code(secret, step).getBytes(StandardCharsets.US_ASCII));
            if (same && found.outcome() != Outcome.ACCEPTED) {
                found = step > lastUsedStep ? new Check(Outcome.ACCEPTED, step) : new Check(Outcome.USED, step);
            }
        }
        return found;
    }

    /** The address an authentication app reads from the QR code (Google Authenticator's key URI format). */
    public static String keyUri(String issuer, String account, String base32Secret) {
        String label = encode(issuer) + ":" + encode(account);
        return "otpauth://totp/" + label + "?secret=" + base32Secret + "&issuer=" + encode(issuer);
    }

    private static String encode(String text) {
        return java.net.URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    public enum Outcome { ACCEPTED, USED, WRONG }

    /** What a check found, and for an accepted or used code, its step. */
    public record Check(Outcome outcome, long step) {
        static Check wrong() {
            return new Check(Outcome.WRONG, Long.MIN_VALUE);
        }
    }
}
