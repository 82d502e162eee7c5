package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * What a person choosing a password is told, in the words the form shows: the rules are the same on
 * every page and API that sets one (a new password, a reset, a PA's or provider's sign-up).
 */
class PasswordRulesTest {

    static String refusal(String password, String username) {
        ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
        messages.setBasename("messages");
        messages.setDefaultEncoding("UTF-8");
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        new PasswordRules(BreachedPasswords.off()).check("newPassword", password, username, errors);
        return errors.isEmpty() ? null : errors.message("newPassword");
    }

    @ParameterizedTest
    @ValueSource(strings = {
            // from the lists of leaked passwords, or built from them the way people do
            "Password2026", "password12345", "qwerty12345", "1q2w3e4r5t6y", "manchester1", "Liverpool1!", "sunshine2020",
            "letmein2026", "iloveyou12", "trustno1234", "football123", "Summer2024!", "Welcome2026", "Bluebell1998",
            // repeats, sequences and keyboard rows
            "aaaaaaaaaaaa", "abcdefghijk", "0987654321", "zxcvbnm,./", "qazwsxedcrfv",
            // a place and a year
            "shrewsbury2026",
            // published with dphub: the demo's password
            "demo-password-2026"})
    void aPasswordOnTheListsOrBuiltTheWayPeopleDoIsRefusedWithWhatToDoInstead(String password) {
        assertThat(refusal(password, "someone@example.com"))
                .isEqualTo("That password is too easy to guess. Try three random words together");
    }

    @ParameterizedTest
    @ValueSource(strings = {"kettle river purple", "Kettle River Purple", " kettleriverpurple ", "tegell afon porffor"})
    void theExampleInEveryHintIsRefusedSayingWhy(String password) {
        assertThat(refusal(password, "someone@example.com"))
                .isEqualTo("That is the example we gave, so others will use it too. Choose three random words of your own");
    }

    @Test
    void theUsernameOrAPasswordMadeFromItOrFromDphubIsRefused() {
        assertThat(refusal("jane.smith@example.com", "jane.smith@example.com")).isNotNull();
        assertThat(refusal("janesmith123", "jane.smith@example.com")).isNotNull();
        assertThat(refusal("dphubpayments", "jane.smith@example.com")).isNotNull();
        // a name zxcvbn's lists do not know, known here because it is in the username
        assertThat(refusal("Rhodri2026!", "rhodri.pughe@cyngor.cymru")).isNotNull();
        assertThat(refusal("Rhodri2026!", "jane.smith@example.com")).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"kettle purple river", "harp mountain slate 9", "three bright lanterns", "mygrandson1",
            "Cardiff2026!", "a long pa password 2026", "Xk3mQ9vLp2", "Rhys walks the dog at 7"})
    void threeRandomWordsOrAnythingHardToGuessPassesWithNoRuleOnKindsOfCharacter(String password) {
        assertThat(refusal(password, "someone@example.com")).isNull();
    }

    @Test
    void lengthIsCheckedFirstAndSaysTheNumber() {
        assertThat(refusal("", "someone@example.com")).isEqualTo("Enter a new password");
        assertThat(refusal("kettle", "someone@example.com")).isEqualTo("Your password must be at least 10 characters");
        assertThat(refusal("k".repeat(129), "someone@example.com")).isEqualTo("Your password must be 128 characters or fewer");
    }

    @Test
    void aLongPasswordIsJudgedOnItsFirstFortyCharactersSoItCannotCostTheServerSeconds() {
        // the same word over and over is easy to guess however long it is
        assertThat(refusal("password".repeat(16), "someone@example.com")).isNotNull();
        // 128 characters of anything: answered, and judged on what comes first
        StringBuilder random = new StringBuilder();
        java.util.Random seeded = new java.util.Random(17);
        for (int i = 0; i < 128; i++) {
            random.append((char) ('!' + seeded.nextInt(90)));
        }
        assertThat(refusal(random.toString(), "someone@example.com")).isNull();
        assertThat(refusal("1234567890".repeat(4) + random.substring(40), "someone@example.com")).isNotNull();
    }
}
