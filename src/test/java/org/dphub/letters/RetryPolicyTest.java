package org.dphub.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a letter is tried again, and which answers from Notify are worth another try. */
class RetryPolicyTest {

    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void backsOffOneMinuteFiveMinutesHalfAnHourTwoHoursThenSixHours() {
        RetryPolicy policy = RetryPolicy.of(8);
        assertThat(policy.nextAttempt(1, FailureReason.NOTIFY_UNAVAILABLE, AT)).contains(AT.plus(Duration.ofMinutes(1)));
        assertThat(policy.nextAttempt(2, FailureReason.NOTIFY_UNAVAILABLE, AT)).contains(AT.plus(Duration.ofMinutes(5)));
        assertThat(policy.nextAttempt(3, FailureReason.TOO_MANY_REQUESTS, AT)).contains(AT.plus(Duration.ofMinutes(30)));
        assertThat(policy.nextAttempt(4, FailureReason.NO_ANSWER, AT)).contains(AT.plus(Duration.ofHours(2)));
        assertThat(policy.nextAttempt(5, FailureReason.NO_ANSWER, AT)).contains(AT.plus(Duration.ofHours(6)));
        assertThat(policy.nextAttempt(7, FailureReason.NO_ANSWER, AT)).as("the last wait again").contains(AT.plus(Duration.ofHours(6)));
    }

    @Test
    void givesUpAfterTheLastAttemptItIsAllowed() {
        RetryPolicy policy = RetryPolicy.of(6);
        assertThat(policy.nextAttempt(5, FailureReason.NOTIFY_UNAVAILABLE, AT)).isPresent();
        assertThat(policy.nextAttempt(6, FailureReason.NOTIFY_UNAVAILABLE, AT)).isEmpty();
        assertThat(RetryPolicy.of(1).nextAttempt(1, FailureReason.NOTIFY_UNAVAILABLE, AT)).as("one attempt: no retry").isEmpty();
        assertThatThrownBy(() -> RetryPolicy.of(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aRefusalThatCanNeverSucceedIsNotTriedAgain() {
        RetryPolicy policy = RetryPolicy.of(6);
        assertThat(policy.nextAttempt(1, FailureReason.INVALID_RECIPIENT, AT)).isEmpty();
        assertThat(policy.nextAttempt(1, FailureReason.REFUSED, AT)).isEmpty();
        assertThat(policy.nextAttempt(1, FailureReason.KEY_REFUSED, AT)).isEmpty();
    }

    @Test
    void notifysAnswersSortedIntoWorthAnotherTryOrNot() {
        assertThat(FailureReason.of(500, "Internal server error")).isEqualTo(FailureReason.NOTIFY_UNAVAILABLE);
        assertThat(FailureReason.of(503, null)).isEqualTo(FailureReason.NOTIFY_UNAVAILABLE);
        assertThat(FailureReason.of(429, "Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds"))
                .isEqualTo(FailureReason.TOO_MANY_REQUESTS);
        assertThat(FailureReason.of(0, "java.net.SocketTimeoutException")).isEqualTo(FailureReason.NO_ANSWER);
        assertThat(FailureReason.of(400, "email_address Not a valid email address")).isEqualTo(FailureReason.INVALID_RECIPIENT);
        assertThat(FailureReason.of(400, "phone_number Not a UK mobile number")).isEqualTo(FailureReason.INVALID_RECIPIENT);
        assertThat(FailureReason.of(400, "Template not found")).isEqualTo(FailureReason.REFUSED);
        assertThat(FailureReason.of(403, "Invalid token: API key not found")).isEqualTo(FailureReason.KEY_REFUSED);
        assertThat(FailureReason.NOTIFY_UNAVAILABLE.temporary()).isTrue();
        assertThat(FailureReason.TOO_MANY_REQUESTS.temporary()).isTrue();
        assertThat(FailureReason.NO_ANSWER.temporary()).isTrue();
        assertThat(FailureReason.NO_ANSWER.outcomeUnknown()).as("looked up before it is sent again").isTrue();
        assertThat(FailureReason.NOTIFY_UNAVAILABLE.outcomeUnknown()).as("a 500 is an answer").isFalse();
    }
}
