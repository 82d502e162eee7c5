package org.dphub.identity;

import java.security.SecureRandom;

/** A temporary password that is easy to read out on the phone: three short words of letters and digits. */
public final class TemporaryPassword {

    // no 0/O, 1/l/I: nothing that is misheard or misread
    private static final String LETTERS = "abcdefghjkmnpqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private TemporaryPassword() {
    }

    public static String make() {
        StringBuilder password = new StringBuilder();
        for (int word = 0; word < 3; word++) {
            if (word > 0) {
                password.append('-');
            }
            for (int i = 0; i < 5; i++) {
                password.append(LETTERS.charAt(RANDOM.nextInt(LETTERS.length())));
            }
        }
        return password.toString();
    }
}
