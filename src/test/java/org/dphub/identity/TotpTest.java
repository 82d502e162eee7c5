package org.dphub.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TotpTest {

    /** RFC 6238 Appendix B: the SHA-1 seed is the ASCII of "12345678901234567890". */
    static final byte[] RFC_SEED = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    static final byte[] SECRET = Base32.decode("DEMODEMODEMODEMODEMODEMODEMODEMO");

    @ParameterizedTest(name = "T = {0} s gives {1}")
    @CsvSource({
            "59, 94287082",
            "1111111109, 07081804",
            "1111111111, 14050471",
            "1234567890, 89005924",
            "2000000000, 69279037",
            "20000000000, 65353130"})
    void everySha1VectorOfRfc6238AppendixB(long seconds, String expected) {
        assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(seconds)), 8)).isEqualTo(expected);
    }

    @Test
    void sixDigitCodesAreTheLastSixOfTheEightAndKeepTheirLeadingZeros() {
        // 1111111109 s: 07081804 with 8 digits, so 081804 with 6
        assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(1111111109L)))).isEqualTo("081804");
        assertThat(Totp.code(RFC_SEED, Totp.step(Instant.ofEpochSecond(59)))).isEqualTo("287082");
    }

    @Test
    void aStepIsThirtySeconds() {
        assertThat(Totp.step(Instant.ofEpochSecond(29))).isZero();
        assertThat(Totp.step(Instant.ofEpochSecond(30))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(59))).isEqualTo(1);
        assertThat(Totp.step(Instant.ofEpochSecond(1111111109L))).isEqualTo(0x23523EC);
    }

    @Test
    void base32RoundTripsAnyBytesAndReadsWhatPeopleType() {
        SecureRandom random = new SecureRandom();
        for (int length = 0; length <= 40; length++) {
            byte[] bytes = new byte[length];
            random.nextBytes(bytes);
            assertThat(Base32.decode(Base32.encode(bytes))).as("%d bytes", length).isEqualTo(bytes);
        }
        // RFC 4648 section 10
        assertThat(Base32.encode("foobar".getBytes(StandardCharsets.US_ASCII))).isEqualTo("MZXW6YTBOI");
        assertThat(Base32.decode("mzxw 6ytb oi")).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
        assertThat(Base32.encode(SECRET)).hasSize(32);
        assertThatThrownBy(() -> Base32.decode("MZXW1")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theStepBeforeAndAfterAreAcceptedForAPhoneClockALittleOutButNoFurther() {
        long now = 58_000_000L;
        for (long offset = -1; offset <= 1; offset++) {
            Totp.Check check = Totp.check(SECRET, Totp.code(SECRET, now + offset), now, 0);
            assertThat(check.outcome()).as("offset %d", offset).isEqualTo(Totp.Outcome.ACCEPTED);
            assertThat(check.step()).isEqualTo(now + offset);
        }
        assertThat(Totp.check(SECRET, Totp.code(SECRET, now - 2), now, 0).outcome()).isEqualTo(Totp.Outcome.WRONG);
        assertThat(Totp.check(SECRET, Totp.code(SECRET, now + 2), now, 0).outcome()).isEqualTo(Totp.Outcome.WRONG);
    }

    @Test
    void aCodeOfTheLastUsedStepOrAnEarlierOneIsRefusedAsUsedEvenThoughItIsRight() {
        long now = 58_000_000L;
        assertThat(Totp.check(SECRET, Totp.code(SECRET, now), now, now).outcome()).isEqualTo(Totp.Outcome.USED);
        assertThat(Totp.check(SECRET, Totp.code(SECRET, now - 1), now, now).outcome()).isEqualTo(Totp.Outcome.USED);
        // the step after the last used one is still fresh: two sign-ins in one half-minute
        assertThat(Totp.check(SECRET, Totp.code(SECRET, now + 1), now, now).outcome()).isEqualTo(Totp.Outcome.ACCEPTED);
        assertThat(Totp.check(SECRET, Totp.code(SECRET, now), now, now - 1).outcome()).isEqualTo(Totp.Outcome.ACCEPTED);
    }

    @Test
    void anotherSecretsCodeIsWrong() {
        long now = 58_000_000L;
        byte[] other = new byte[20];
        assertThat(Totp.check(other, Totp.code(SECRET, now), now, 0).outcome()).isEqualTo(Totp.Outcome.WRONG);
    }

    @Test
    void onlySixDigitsAreACode() {
        assertThat(Totp.wellFormed("123456")).isTrue();
        assertThat(Totp.wellFormed("12345")).isFalse();
        assertThat(Totp.wellFormed("1234567")).isFalse();
        assertThat(Totp.wellFormed("12345a")).isFalse();
        assertThat(Totp.wellFormed("١٢٣٤٥٦")).as("other scripts' digits").isFalse();
        assertThat(Totp.wellFormed("")).isFalse();
    }

    @Test
    void theKeyUriIsWhatAuthenticationAppsRead() {
        assertThat(Totp.keyUri("dphub", "finance@demo-england", "DEMODEMO"))
                .isEqualTo("otpauth://totp/dphub:finance%40demo-england?secret=DEMODEMO&issuer=dphub");
    }

    @Test
    void secretsAreSealedSoTheyOpenOnlyForTheirOwnPersonAndKey() {
        OneTimeCodeSecrets secrets = new OneTimeCodeSecrets("a key of at least thirty-two characters!", true);
        byte[] secret = secrets.newSecret();
        assertThat(secret).hasSize(20);
        String sealed = secrets.seal(7, secret);
        assertThat(sealed).startsWith("v1:").doesNotContain(Base32.encode(secret));
        assertThat(secrets.seal(7, secret)).as("a fresh nonce each time").isNotEqualTo(sealed);
        assertThat(secrets.open(7, sealed)).isEqualTo(secret);
        assertThatThrownBy(() -> secrets.open(8, sealed)).as("copied onto another person's row").isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new OneTimeCodeSecrets("another key of at least thirty-two characters", true).open(7, sealed))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void withTheKeyRequiredAsInTheProdProfileThereIsNoStartWithoutOne() {
        assertThatThrownBy(() -> new OneTimeCodeSecrets("", true)).hasMessageContaining("DPHUB_ONE_TIME_CODE_KEY");
        assertThatThrownBy(() -> new OneTimeCodeSecrets("too short", false)).hasMessageContaining("at least 32");
        OneTimeCodeSecrets development = new OneTimeCodeSecrets("", false);
        assertThat(development.open(1, development.seal(1, new byte[] {1, 2, 3}))).containsExactly(1, 2, 3);
    }
}
