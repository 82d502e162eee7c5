package org.dphub.identity;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps one-time code secrets encrypted in the database: AES-256-GCM with a key made (SHA-256)
 * from {@code DPHUB_ONE_TIME_CODE_KEY}, a fresh 12-byte nonce each time, and the user's id as
 * associated data, so a secret copied onto another person's row does not open. Without the key
 * (development, tests, the demo) a built-in key is used and a warning logged; the prod profile
 * refuses to start without one.
 */
@Component
class OneTimeCodeSecrets {

    private static final Logger log = LoggerFactory.getLogger(OneTimeCodeSecrets.class);
    static final String DEVELOPMENT_KEY = "dphub-development-only-one-time-code-key";
    private static final String VERSION = "v1:";

    private final SecretKeySpec key;
    private final SecureRandom random = new SecureRandom();

    OneTimeCodeSecrets(@Value("${dphub.one-time-codes.key:}") String key,
                       @Value("${dphub.one-time-codes.require-key:false}") boolean required) {
        if (key == null || key.isBlank()) {
            if (required) {
                throw new IllegalStateException("Set DPHUB_ONE_TIME_CODE_KEY (at least 32 characters): it encrypts the "
                        + "one-time code secrets of finance officers and council administrators");
            }
            log.warn("DPHUB_ONE_TIME_CODE_KEY is not set: one-time code secrets are encrypted with the built-in development key");
            key = DEVELOPMENT_KEY;
        } else if (key.length() < 32) {
            throw new IllegalStateException("DPHUB_ONE_TIME_CODE_KEY must be at least 32 characters");
        }
        try {
            this.key = new SecretKeySpec(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)), "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] newSecret() {
        byte[] secret = new byte[20]; // 160 bits, RFC 4226's recommended length for HMAC-SHA1
        random.nextBytes(secret);
        return secret;
    }

    String seal(long userId, byte[] secret) {
        byte[] nonce = new byte[12];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            cipher.updateAAD(associated(userId));
            byte[] sealed = cipher.doFinal(secret);
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(12 + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    byte[] open(long userId, String sealed) {
        if (!sealed.startsWith(VERSION)) {
            throw new IllegalStateException("Unknown one-time code secret format");
        }
        byte[] bytes = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            cipher.updateAAD(associated(userId));
            return cipher.doFinal(bytes, 12, bytes.length - 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A one-time code secret does not open with this key (was DPHUB_ONE_TIME_CODE_KEY changed?)", e);
        }
    }

    private static byte[] associated(long userId) {
        return ("dphub one-time code secret of user " + userId).getBytes(StandardCharsets.UTF_8);
    }
}
