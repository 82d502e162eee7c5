package org.dphub.letters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.dphub.letters.internal.LetterRepository;
import org.dphub.letters.internal.NotifyGateway;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.dphub.support.MoneyApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Letters go after the commit, through the real GOV.UK Notify client, to a local server that
 * answers like Notify. The job's method is run with a clock set to each letter's next attempt, so
 * the back-off is checked without waiting for it (the app's own job runs too; a claim keeps the
 * two from sending one letter twice). The gateway is pointed at the fake for each test and back
 * afterwards, on the one shared Spring context.
 */
@IntegrationTest
class LetterDeliveryIT {

    static final String PW = Http.DEMO_PASSWORD;

    @LocalServerPort
    int port;
    @Autowired
    NotifyGateway gateway;
    @Autowired
    LetterDeliveries deliveries;
    @Autowired
    Letters letters;
    @Autowired
    LetterRepository repository;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    Http http;
    FakeNotify notify;

    @BeforeEach
    void pointAtAFakeNotify() throws Exception {
        http = new Http(port);
        notify = new FakeNotify();
        gateway.use(notify.account());
    }

    @AfterEach
    void backToTheRealSettings() {
        gateway.useConfigured();
        notify.close();
    }

    long personByEmail(String council, String email) {
        return MoneyApi.ok(http.postJsonAs("practitioner@" + council, PW, "/api/v1/citizens", """
                {"givenName": "Rhys", "familyName": "Morgan", "dateOfBirth": "1970-05-05", "postcode": "SY1 1AA", "preferredLanguage": "en",
                 "contactPreference": "EMAIL", "email": "%s"}""".formatted(email)), 201).get("id").asLong();
    }

    JsonNode write(long citizen) {
        return MoneyApi.ok(http.postJsonAs("dp-team@demo-england", PW, "/api/v1/citizens/" + citizen + "/letters",
                "{\"kind\": \"QUESTION\", \"values\": {\"question\": \"What was the payment of £42 on 1 December for?\"}}"), 201);
    }

    Map<String, Object> row(long letter) {
        return jdbc.sql("SELECT status, attempts, next_attempt_at, sent_at, notify_id, failure_reason, failure FROM letter WHERE id = :id")
                .param("id", letter).query().singleRow();
    }

    List<Map<String, Object>> attempts(long letter) {
        return jdbc.sql("SELECT attempt, attempted_at, outcome, failure_reason, http_status, notify_id, detail, next_attempt_at "
                + "FROM letter_attempt WHERE letter_id = :id ORDER BY id").param("id", letter).query().listOfRows();
    }

    /**
     * Runs the job at {@code clock}, then waits (at most 20 s) until the letter has {@code count}
     * attempts: the app's own run may have taken it. A clock ahead of the real one is used only
     * for a letter that nobody can have claimed yet (waiting for its next attempt): ahead by more
     * than a claim lasts, it would take over a claim the app's own run still holds.
     */
    List<Map<String, Object>> sendDueAndAwait(long letter, Clock clock, int count) throws InterruptedException {
        deliveries.sendDue(clock);
        for (int i = 0; i < 200 && attempts(letter).size() < count; i++) {
            Thread.sleep(100);
        }
        List<Map<String, Object>> all = attempts(letter);
        assertThat(all).as("attempts of letter " + letter).hasSize(count);
        return all;
    }

    static Instant instant(Object timestamp) {
        return ((Timestamp) timestamp).toInstant();
    }

    static Clock at(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    String page(String user, String path) throws Exception {
        return mvc.perform(get(path).with(new As(users).user(user))).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void notifyFailsTwiceThenTakesItAndTheLetterIsSentOnceAfterBackingOff() throws Exception {
        notify.answer(500, 500, 201);
        long citizen = personByEmail("demo-england", "rhys.morgan@example.com");
        JsonNode written = write(citizen);
        long id = written.get("id").asLong();
        String reference = "dphub-letter-" + id;
        assertThat(written.get("status").asString()).as("only stored by the request; sent after it commits").isEqualTo("PENDING");

        // first try, straight after the commit: Notify answers 500
        List<Map<String, Object>> tries = sendDueAndAwait(id, Clock.systemUTC(), 1);
        Instant first = instant(tries.get(0).get("attempted_at"));
        assertThat(tries.get(0)).containsEntry("outcome", "WILL_RETRY").containsEntry("http_status", 500)
                .containsEntry("failure_reason", "NOTIFY_UNAVAILABLE").containsEntry("detail", "Internal server error");
        Instant second = instant(row(id).get("next_attempt_at"));
        assertThat(second).as("back off one minute").isEqualTo(first.plus(Duration.ofMinutes(1)));
        assertThat(row(id)).containsEntry("status", "PENDING").containsEntry("attempts", 1);
        String waiting = page("dp-team@demo-england", "/outbox/" + id);
        assertThat(waiting).contains("Will try again at", "GOV.UK Notify had a problem at its end", "Internal server error");

        // not before its time
        assertThat(deliveries.sendDue(at(second.minusSeconds(1)))).isZero();
        // a minute later: 500 again, then five minutes
        tries = sendDueAndAwait(id, at(second), 2);
        assertThat(tries.get(1)).containsEntry("outcome", "WILL_RETRY").containsEntry("attempt", 2);
        Instant third = instant(row(id).get("next_attempt_at"));
        assertThat(third).as("back off five minutes").isEqualTo(second.plus(Duration.ofMinutes(5)));

        // five minutes later: 201
        tries = sendDueAndAwait(id, at(third), 3);
        assertThat(tries.get(2)).containsEntry("outcome", "SENT").containsEntry("attempt", 3).containsEntry("http_status", 201);
        Map<String, Object> sent = row(id);
        assertThat(sent).containsEntry("status", "SENT").containsEntry("failure_reason", null);
        assertThat(sent.get("notify_id")).isEqualTo(tries.get(2).get("notify_id")).isEqualTo(notify.acceptedIds(reference).get(0));

        // nothing more, however long the job goes on
        deliveries.sendDue(at(third.plus(Duration.ofDays(2))));
        assertThat(notify.sends(reference)).as("500, 500, 201").extracting(FakeNotify.Request::answered).containsExactly(500, 500, 201);
        assertThat(notify.acceptedIds(reference)).as("one letter sent once").hasSize(1);
        FakeNotify.Request request = notify.sends(reference).get(2);
        assertThat(request.path()).isEqualTo("/v2/notifications/email");
        assertThat(request.authorization()).startsWith("Bearer ");
        assertThat(request.body().getString("email_address")).isEqualTo("rhys.morgan@example.com");
        assertThat(request.body().getString("template_id")).isEqualTo(FakeNotify.EMAIL_TEMPLATE);
        assertThat(request.body().getJSONObject("personalisation").getString("body")).contains("Dear Rhys", "£42 on 1 December");

        assertThat(MoneyApi.ok(http.getAs("dp-team@demo-england", PW, "/api/v1/letters/" + id), 200).get("status").asString())
                .isEqualTo("SENT");
        assertThat(page("dp-team@demo-england", "/outbox/" + id)).contains("Sent on", "Try 3", "Try 1",
                "Its reference at GOV.UK Notify: " + sent.get("notify_id"));
    }

    @Test
    void aLetterNotifyRefusesIsShownAsNotSentWithTheReasonAndSendAgainSendsItOnce() throws Exception {
        notify.answer(400);
        long citizen = personByEmail("demo-england", "not-an-address@example");
        long id = write(citizen).get("id").asLong();
        String reference = "dphub-letter-" + id;

        List<Map<String, Object>> tries = sendDueAndAwait(id, Clock.systemUTC(), 1);
        assertThat(tries.get(0)).as("a 400 can never succeed: no retry").containsEntry("outcome", "FAILED")
                .containsEntry("failure_reason", "INVALID_RECIPIENT").containsEntry("next_attempt_at", null);
        assertThat(row(id)).containsEntry("status", "FAILED").containsEntry("failure", "email_address Not a valid email address");
        deliveries.sendDue(at(Instant.now().plus(Duration.ofDays(1))));
        assertThat(notify.sends(reference)).as("not tried again by itself").hasSize(1);

        String notSent = page("dp-team@demo-england", "/outbox?show=not-sent");
        assertThat(notSent).contains("id=\"letter-" + id + "\"", "Not sent: GOV.UK Notify cannot send to this address or number");
        assertThat(notSent).as("only letters not sent").doesNotContain("Kept in the outbox, not sent");
        String letterPage = page("dp-team@demo-england", "/outbox/" + id);
        assertThat(letterPage).contains("Not sent: GOV.UK Notify cannot send to this address or number",
                "email_address Not a valid email address", "Answer 400:", "We have stopped trying", "id=\"send-again\"");
        assertThat(page("dp-team@demo-wales", "/outbox/" + id)).doesNotContain("Not a valid email address");
        assertThat(page("dp-team@demo-wales", "/outbox?show=not-sent")).doesNotContain("id=\"letter-" + id + "\"");

        // another council's staff cannot send it again (404, as if it did not exist); a person cannot at all; no CSRF token: refused
        assertThat(mvc.perform(post("/outbox/" + id + "/send-again").with(csrf()).with(new As(users).user("dp-team@demo-wales")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        assertThat(mvc.perform(post("/outbox/" + id + "/send-again").with(csrf()).with(new As(users).user("citizen@demo-england")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(mvc.perform(post("/outbox/" + id + "/send-again").with(new As(users).user("dp-team@demo-england")))
                .andReturn().getResponse().getStatus()).isEqualTo(403);
        assertThat(row(id)).containsEntry("status", "FAILED");

        notify.answer(201);
        MvcResult again = mvc.perform(post("/outbox/" + id + "/send-again").with(csrf()).with(new As(users).user("dp-team@demo-england")))
                .andReturn();
        assertThat(again.getResponse().getRedirectedUrl()).isEqualTo("/outbox/" + id + "?sent-again=true");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'letter' AND entity_id = :id AND action = 'UPDATE'")
                .param("id", String.valueOf(id)).query(Long.class).single()).as("audited").isEqualTo(1);

        tries = sendDueAndAwait(id, Clock.systemUTC(), 2);
        assertThat(tries.get(1)).as("counted from 1 again").containsEntry("outcome", "SENT").containsEntry("attempt", 1);
        assertThat(row(id)).containsEntry("status", "SENT");
        assertThat(notify.acceptedIds(reference)).hasSize(1);

        // sending it again now is refused, and sends nothing
        String refused = mvc.perform(post("/outbox/" + id + "/send-again").with(csrf()).with(new As(users).user("dp-team@demo-england")))
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("Only a letter that was not sent can be sent again");
        deliveries.sendDue(at(Instant.now().plus(Duration.ofDays(1))));
        assertThat(notify.sends(reference)).extracting(FakeNotify.Request::answered).containsExactly(400, 201);
        assertThat(page("dp-team@demo-england", "/outbox/" + id + "?sent-again=true")).contains("Sent on", "We will send the letter again now");
    }

    @Test
    void aLetterWrittenInATransactionThatRollsBackIsNeverSent() throws Exception {
        long citizen = personByEmail("demo-england", "bethan.rees@example.com");
        long council = jdbc.sql("SELECT council_id FROM citizen WHERE id = :c").param("c", citizen).query(Long.class).single();
        Map<String, String> values = Map.of("question", "Was the £15 on 2 December for the gym?");
        transaction.executeWithoutResult(status -> {
            assertThat(letters.sendOnce(council, citizen, LetterKind.QUESTION, values, "rollback-test:" + citizen)).isPresent();
            status.setRollbackOnly();
        });
        transaction.executeWithoutResult(status ->
                assertThat(letters.sendOnce(council, citizen, LetterKind.QUESTION, values, "commit-test:" + citizen)).isPresent());
        long committed = jdbc.sql("SELECT id FROM letter WHERE idempotency_key = :k").param("k", "commit-test:" + citizen)
                .query(Long.class).single();

        sendDueAndAwait(committed, Clock.systemUTC(), 1);
        assertThat(row(committed)).containsEntry("status", "SENT");
        assertThat(jdbc.sql("SELECT count(*) FROM letter WHERE idempotency_key = :k").param("k", "rollback-test:" + citizen)
                .query(Long.class).single()).isZero();
        assertThat(notify.sends("dphub-letter-" + committed)).hasSize(1);
        assertThat(notify.sends("dphub-letter-" + (committed - 1))).as("the rolled-back letter").isEmpty();

        // and Notify is never called inside a transaction
        Letter letter = repository.find(committed).orElseThrow();
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> gateway.send(letter, null)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("never called inside a database transaction");
        assertThat(notify.sends("dphub-letter-" + committed)).hasSize(1);
    }

    @Test
    void aLetterNotifyTookJustBeforeTheAppStoppedIsFoundByItsReferenceNotSentTwice() throws Exception {
        long citizen = personByEmail("demo-england", "owain.price@example.com");
        long council = jdbc.sql("SELECT council_id FROM citizen WHERE id = :c").param("c", citizen).query(Long.class).single();
        // written, and at once claimed by a worker (as the job would), in one transaction
        Long id = transaction.execute(status -> {
            long letter = letters.sendOnce(council, citizen, LetterKind.QUESTION, Map.of("question", "Hello?"), "crash-test:" + citizen)
                    .orElseThrow().id();
            jdbc.sql("UPDATE letter SET status = 'SENDING', attempts = 1, claim_id = gen_random_uuid(), claimed_until = now() + interval '1 hour' "
                    + "WHERE id = :id").param("id", letter).update();
            return letter;
        });
        // the worker's call reaches Notify, which takes the letter; then the app stops before SENT is recorded
        Letter letter = repository.find(id).orElseThrow();
        assertThat(gateway.send(letter, null).isAccepted()).isTrue();
        assertThat(row(id)).containsEntry("status", "SENDING");

        // while the claim lasts nobody else takes it; once it has run out, the job asks Notify first
        deliveries.sendDue(at(Instant.now().plus(Duration.ofMinutes(30))));
        assertThat(attempts(id)).isEmpty();
        List<Map<String, Object>> tries = sendDueAndAwait(id, at(Instant.now().plus(Duration.ofHours(2))), 1);
        assertThat(tries.get(0)).containsEntry("outcome", "FOUND_AT_NOTIFY").containsEntry("attempt", 2);
        assertThat(row(id)).containsEntry("status", "SENT").containsEntry("notify_id", notify.acceptedIds("dphub-letter-" + id).get(0));
        assertThat(notify.lookups("dphub-letter-" + id)).hasSize(1);
        assertThat(notify.sends("dphub-letter-" + id)).as("sent once, not twice").hasSize(1);
        assertThat(page("dp-team@demo-england", "/outbox/" + id)).contains("GOV.UK Notify already had it from an earlier try");
    }

    @Test
    void aLetterWhoseAnswerNeverCameIsLookedUpAtNotifyBeforeItIsSentAgain() throws Exception {
        gateway.use(notify.account(Duration.ofSeconds(1)));
        notify.answer(FakeNotify.SLOW);
        long id = write(personByEmail("demo-england", "gwyn.lewis@example.com")).get("id").asLong();
        String reference = "dphub-letter-" + id;

        List<Map<String, Object>> tries = sendDueAndAwait(id, Clock.systemUTC(), 1);
        assertThat(tries.get(0)).as("Notify took it, but its answer came too late").containsEntry("outcome", "WILL_RETRY")
                .containsEntry("failure_reason", "NO_ANSWER").containsEntry("http_status", null);
        Thread.sleep(2500); // the 201 reaches nobody
        tries = sendDueAndAwait(id, at(instant(row(id).get("next_attempt_at"))), 2);
        assertThat(tries.get(1)).containsEntry("outcome", "FOUND_AT_NOTIFY");
        assertThat(row(id)).containsEntry("status", "SENT");
        assertThat(notify.sends(reference)).as("sent once, not again after no answer").hasSize(1);
        assertThat(notify.lookups(reference)).hasSize(1);
    }
}
