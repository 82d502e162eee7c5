package org.dphub.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the money tests keep doing through the real API: a person with a weekly plan and an
 * active direct payment, and a payment run waited for until it is ready.
 */
public final class MoneyApi {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Http http;

    public MoneyApi(Http http) {
        this.http = http;
    }

    /** The body of a response with this status (the body is shown when it is another). */
    public static JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return JSON.readTree(response.body());
    }

    /** What {@link #activeWeekly} made. */
    public record Active(long citizenId, long planId, long directPaymentId, long accountId) {
    }

    /**
     * A new person with a weekly plan of {@code weeklyPence} from {@code start}, a direct payment
     * of the given account type from the same day, agreed on paper: active, with its account.
     */
    public Active activeWeekly(String practitioner, String givenName, LocalDate start, String accountType, long weeklyPence,
                               String language) {
        Active requested = requestWeekly(practitioner, givenName, start, accountType, weeklyPence, language);
        return new Active(requested.citizenId(), requested.planId(), requested.directPaymentId(),
                agreeOnPaper(practitioner, requested.directPaymentId(), earliest(start.minusDays(5), LocalDate.now())));
    }

    /** The same, waiting for agreement (no account yet: accountId is 0). */
    public Active requestWeekly(String practitioner, String givenName, LocalDate start, String accountType, long weeklyPence,
                                String language) {
        long citizen = ok(http.postJsonAs(practitioner, Http.DEMO_PASSWORD, "/api/v1/citizens", """
                {"givenName": "%s", "familyName": "Test", "dateOfBirth": "1980-02-02", "postcode": "SY1 1AA", "preferredLanguage": "%s"}"""
                .formatted(givenName, language)), 201).get("id").asLong();
        long plan = ok(http.postJsonAs(practitioner, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/plans", """
                {"startDate": "%s", "outcomes": [{"text": "Get out and about"}], "paymentFrequency": "WEEKLY",
                 "budgetLines": [{"description": "PA", "kind": "WEEKLY", "weeklyAmountPence": %d}]}""".formatted(start, weeklyPence)),
                201).get("id").asLong();
        long dp = ok(http.postJsonAs(practitioner, Http.DEMO_PASSWORD, "/api/v1/citizens/" + citizen + "/direct-payments", """
                {"planId": %d, "accountType": "%s", "requestedOn": "%s", "startDate": "%s"}"""
                .formatted(plan, accountType, earliest(start.minusDays(10), LocalDate.now()), start)), 201).get("id").asLong();
        return new Active(citizen, plan, dp, 0);
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }

    /** A practitioner records the signed paper agreement; returns the account it opened. */
    public long agreeOnPaper(String practitioner, long directPaymentId, LocalDate signedOn) {
        return ok(http.postJsonAs(practitioner, Http.DEMO_PASSWORD, "/api/v1/direct-payments/" + directPaymentId + "/agreement",
                "{\"signedOnPaper\": true, \"signedOn\": \"" + signedOn + "\"}"), 200).get("accountId").asLong();
    }

    /**
     * Starts (or finds) the run for a date and waits until it is no longer RUNNING. A council has one
     * run a date, so a test in a council other tests share (the demo's) takes a date of its own: one
     * counted from the suite's first day ({@link SuiteDays}) for runs weeks ahead, or one two days or
     * more from any other test's that counts from today, as a suite that runs past midnight moves one
     * test's today and not another's.
     */
    public JsonNode runFor(String finance, LocalDate date) throws InterruptedException {
        HttpResponse<String> started = http.postJsonAs(finance, Http.DEMO_PASSWORD, "/api/v1/payment-runs",
                "{\"paymentDate\": \"" + date + "\"}");
        assertThat(started.statusCode()).as(started.body()).isIn(200, 202);
        return awaitRun(finance, JSON.readTree(started.body()).get("id").asLong());
    }

    /** Waits (up to 90 s) until the run is no longer RUNNING, checking its progress is a percentage. */
    public JsonNode awaitRun(String finance, long runId) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            JsonNode run = ok(http.getAs(finance, Http.DEMO_PASSWORD, "/api/v1/payment-runs/" + runId), 200);
            assertThat(run.get("progressPercent").asInt()).isBetween(0, 100);
            if (!"RUNNING".equals(run.get("status").asString())) {
                return run;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the run did not finish in 90 s");
    }
}
