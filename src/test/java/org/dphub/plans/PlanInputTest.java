package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;
import org.dphub.support.ShippedMessages;
import org.dphub.web.FormErrors;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * How a typed plan is read and checked (issue 3 and the limits in {@link PlanInput}'s Javadoc:
 * at most 50 outcomes and 50 lines, money 0 to £1,000,000.00 a line, hours 0 to 168 a week to
 * 2 decimal places; GOV.UK error messages from messages.properties, in English).
 */
class PlanInputTest {

    static final LocalDate START = LocalDate.of(2026, 4, 1);
    /** A default hourly rate different from the £13.28 seed so a test can tell which was used. */
    static final Money DEFAULT_RATE = Money.ofPence(1450);
    static final String HOURS = "budgetLines[0].hoursPerWeek";
    static final String RATE = "budgetLines[0].hourlyRate";

    FormErrors errors = new FormErrors(messages(), Locale.ENGLISH);

    static ResourceBundleMessageSource messages() {
        return ShippedMessages.source();
    }

    static PlanInput.TypedLine hourlyLine(String hours, String rate, String outcomes) {
        return new PlanInput.TypedLine("Personal assistant", "HOURLY", hours, rate, null, null, outcomes);
    }

    static PlanInput.TypedLine blankLine() {
        // what an unused row of the page sends: a kind is always selected, nothing else typed
        return new PlanInput.TypedLine("", "HOURLY", "", " ", "", null, "");
    }

    static final List<String> TWO_OUTCOMES = List.of("Keep going to football with my brother", "Stay in my own home");

    static PlanInput.Typed typed(List<String> outcomes, List<PlanInput.TypedLine> lines) {
        return new PlanInput.Typed(START, null, false, "Help with personal care and getting out", "", "FOUR_WEEKLY",
                "20.00", "Her brother can cover a missed visit", "", outcomes, lines);
    }

    static PlanInput.Typed typedLines(PlanInput.TypedLine... lines) {
        return typed(TWO_OUTCOMES, List.of(lines));
    }

    NewPlanVersion read(PlanInput.Typed typed) {
        return PlanInput.read(typed, DEFAULT_RATE, errors);
    }

    /** Reads input that must be refused: nothing to save, and exactly this message on this field. */
    void assertRefused(PlanInput.Typed typed, String field, String englishMessage) {
        NewPlanVersion result = read(typed);
        assertThat(result).as("nothing to save").isNull();
        assertThat(errors.has(field)).as("error on %s; errors were %s", field, errors.list()).isTrue();
        assertThat(errors.message(field)).isEqualTo(englishMessage);
    }

    NewPlanVersion assertAccepted(PlanInput.Typed typed) {
        NewPlanVersion result = read(typed);
        assertThat(errors.list()).isEmpty();
        assertThat(result).isNotNull();
        return result;
    }

    @Nested
    class GoodInput {

        @Test
        void givesTheWholePlanWithItsLines() {
            var result = assertAccepted(typed(TWO_OUTCOMES, List.of(
                    hourlyLine("10", "13.28", "1, 2"),
                    new PlanInput.TypedLine("Gym membership", "WEEKLY", null, null, "£25", null, "1"),
                    new PlanInput.TypedLine("Smart speaker", "ONE_OFF", null, null, null, "49.99", "2"))));

            assertThat(result.startDate()).isEqualTo(START);
            assertThat(result.endDate()).isNull();
            assertThat(result.eligibleNeeds()).isEqualTo("Help with personal care and getting out");
            assertThat(result.howNeedsMet()).as("blank means a direct payment in full").isEqualTo(HowNeedsMet.DIRECT_PAYMENT_FULL);
            assertThat(result.paymentFrequency()).isEqualTo(PaymentFrequency.FOUR_WEEKLY);
            assertThat(result.weeklyContribution()).isEqualTo(Money.ofPence(2000));
            assertThat(result.outcomes()).isEqualTo(TWO_OUTCOMES);
            assertThat(result.budgetLines()).containsExactly(
                    new BudgetLine("Personal assistant", BudgetLineKind.HOURLY, new BigDecimal("10.00"), Money.ofPence(1328),
                            null, null, List.of(1, 2)),
                    new BudgetLine("Gym membership", BudgetLineKind.WEEKLY, null, null, Money.ofPence(2500), null, List.of(1)),
                    new BudgetLine("Smart speaker", BudgetLineKind.ONE_OFF, null, null, null, Money.ofPence(4999), List.of(2)));
        }

        @Test
        void anHourlyLineWithNoRateUsesTheDefaultRatePassedIn() {
            var result = assertAccepted(typedLines(hourlyLine("10", "  ", "1")));
            assertThat(result.budgetLines().get(0).hourlyRate()).isEqualTo(DEFAULT_RATE);
            errors = new FormErrors(messages(), Locale.ENGLISH);
            assertThat(assertAccepted(typedLines(hourlyLine("10", null, "1"))).budgetLines().get(0).hourlyRate())
                    .isEqualTo(DEFAULT_RATE);
        }

        @Test
        void apiSendsPence() {
            // "pence:1328" = 1328p = £13.28
            var result = assertAccepted(typedLines(hourlyLine("10", "pence:1328", "1")));
            assertThat(result.budgetLines().get(0).hourlyRate()).isEqualTo(Money.ofPence(1328));
        }

        @Test
        void blankRowsAreIgnored() {
            var result = assertAccepted(typedLines(blankLine(), hourlyLine("10", "13.28", "1"), blankLine()));
            assertThat(result.budgetLines()).hasSize(1);
            assertThat(result.budgetLines().get(0).hoursPerWeek()).isEqualByComparingTo("10");
        }

        @Test
        void anErrorAfterABlankRowNamesTheRowAsTyped() {
            assertRefused(typedLines(blankLine(), hourlyLine("200", "13.28", "1")), "budgetLines[1].hoursPerWeek",
                    "Enter hours a week between 0 and 168");
        }

        @Test
        void temporaryChangeKeepsItsEndDate_permanentOneDropsIt() {
            var temporary = new PlanInput.Typed(START, START.plusDays(29), true, "", "", "WEEKLY", "", "", "Respite",
                    TWO_OUTCOMES, List.of(hourlyLine("10", "13.28", "1")));
            assertThat(assertAccepted(temporary).endDate()).isEqualTo(LocalDate.of(2026, 4, 30));

            var permanent = new PlanInput.Typed(START, START.plusDays(29), false, "", "", "WEEKLY", "", "", "",
                    TWO_OUTCOMES, List.of(hourlyLine("10", "13.28", "1")));
            assertThat(assertAccepted(permanent).endDate()).isNull();
        }

        @Test
        void aTemporaryChangeMayEndOnTheDayItStarts() {
            var oneDay = new PlanInput.Typed(START, START, true, "", "", "WEEKLY", "", "", "", TWO_OUTCOMES,
                    List.of(hourlyLine("10", "13.28", "1")));
            assertThat(assertAccepted(oneDay).endDate()).isEqualTo(START);
        }

        @Test
        void outcomeNumbersMayBeSeparatedByCommasOrSpaces_repeatsCountOnce() {
            var result = assertAccepted(typedLines(hourlyLine("10", "13.28", "2 1, 2")));
            assertThat(result.budgetLines().get(0).outcomes()).containsExactly(2, 1);
        }
    }

    @Nested
    class HoursPerWeek_0to168_2dp {

        @ParameterizedTest(name = "\"{0}\" hours → {1}")
        @CsvSource(delimiter = '|', value = {
                "0      | 0.00",
                "168    | 168.00",
                "167.99 | 167.99",
                "7.5    | 7.50",
                "7.33   | 7.33",
                // trailing zeros are not extra decimal places: 7.330 = 7.33
                "7.330  | 7.33",
                "' 10 ' | 10.00",
        })
        void accepted(String hours, String expected) {
            var result = assertAccepted(typedLines(hourlyLine(hours, "13.28", "1")));
            assertThat(result.budgetLines().get(0).hoursPerWeek()).isEqualTo(new BigDecimal(expected));
        }

        @ParameterizedTest(name = "\"{0}\" hours refused")
        @ValueSource(strings = {"-1", "-0.01", "200", "168.01", "169"})
        void outsideTheWeek(String hours) {
            assertRefused(typedLines(hourlyLine(hours, "13.28", "1")), HOURS, "Enter hours a week between 0 and 168");
        }

        @ParameterizedTest(name = "\"{0}\" hours refused")
        @ValueSource(strings = {"7.333", "0.001"})
        void moreThanTwoDecimalPlaces(String hours) {
            assertRefused(typedLines(hourlyLine(hours, "13.28", "1")), HOURS,
                    "Enter hours a week with no more than 2 decimal places, like 7.25");
        }

        @ParameterizedTest(name = "\"{0}\" hours refused")
        @ValueSource(strings = {"lots", "7,5", "7 h", "ten", "1e2", "0x10"})
        void notANumber(String hours) {
            assertRefused(typedLines(hourlyLine(hours, "13.28", "1")), HOURS, "Enter hours a week as a number, like 7.5");
        }

        @Test
        void missing() {
            assertRefused(typedLines(hourlyLine(" ", "13.28", "1")), HOURS, "Enter the hours of support a week");
        }
    }

    @Nested
    class Money_0to1000000 {

        @ParameterizedTest(name = "rate \"{0}\" → {1}p")
        @CsvSource(delimiter = '|', value = {
                // exactly the limit: £1,000,000 = 100000000p
                "1000000       | 100000000",
                "£1,000,000.00 | 100000000",
                "0             | 0",
                "£13.28        | 1328",
                "pence:1328    | 1328",
                "pence:100000000 | 100000000",
        })
        void accepted(String rate, long pence) {
            var result = assertAccepted(typedLines(hourlyLine("10", rate, "1")));
            assertThat(result.budgetLines().get(0).hourlyRate()).isEqualTo(Money.ofPence(pence));
        }

        @Test
        void notAnAmount() {
            assertRefused(typedLines(hourlyLine("10", "£abc", "1")), RATE, "Enter an amount in pounds and pence, like 125.50");
        }

        @Test
        void apiPenceThatAreNotANumber() {
            assertRefused(typedLines(hourlyLine("10", "pence:abc", "1")), RATE, "Enter an amount in pounds and pence, like 125.50");
        }

        @ParameterizedTest(name = "rate \"{0}\" refused as negative")
        @ValueSource(strings = {"-5", "-£0.01", "pence:-1"})
        void negative(String rate) {
            assertRefused(typedLines(hourlyLine("10", rate, "1")), RATE, "Enter an amount of £0 or more");
        }

        @ParameterizedTest(name = "rate \"{0}\" refused as too large")
        @ValueSource(strings = {"1000000.01", "£1,000,001", "5000000", "pence:100000001"})
        void aboveTheLineLimit(String rate) {
            // £1,000,000.01 = 100000001p > PlanInput.MAX_LINE_AMOUNT (100000000p)
            assertRefused(typedLines(hourlyLine("10", rate, "1")), RATE, "Enter an amount of £1,000,000 or less");
        }

        @ParameterizedTest(name = "rate \"{0}\" refused with the plan's own limit")
        @ValueSource(strings = {"20000000", "10000000.01"})
        void farAboveTheLineLimitStillNamesTheLineLimit(String rate) {
            assertRefused(typedLines(hourlyLine("10", rate, "1")), RATE, "Enter an amount of £1,000,000 or less");
        }

        @Test
        void moreThanTwoDecimalPlaces() {
            assertRefused(typedLines(hourlyLine("10", "13.285", "1")), RATE,
                    "Enter an amount with no more than 2 numbers after the decimal point");
        }

        @Test
        void weeklyAndOneOffAmountsAreCheckedTheSameWay() {
            assertRefused(typedLines(new PlanInput.TypedLine("Gym", "WEEKLY", null, null, "-5", null, "1")),
                    "budgetLines[0].weeklyAmount", "Enter an amount of £0 or more");
            errors = new FormErrors(messages(), Locale.ENGLISH);
            assertRefused(typedLines(new PlanInput.TypedLine("Course", "ONE_OFF", null, null, null, "1000000.01", "1")),
                    "budgetLines[0].amount", "Enter an amount of £1,000,000 or less");
            errors = new FormErrors(messages(), Locale.ENGLISH);
            assertRefused(typedLines(new PlanInput.TypedLine("Course", "ONE_OFF", null, null, null, "", "1")),
                    "budgetLines[0].amount", "Enter an amount");
        }

        @Test
        void weeklyContribution() {
            var plan = new PlanInput.Typed(START, null, false, "", "", "WEEKLY", "-£1", "", "", TWO_OUTCOMES,
                    List.of(hourlyLine("10", "13.28", "1")));
            assertRefused(plan, "weeklyContribution", "Enter an amount of £0 or more");
        }

        @Test
        void blankWeeklyContributionIsNone() {
            var plan = new PlanInput.Typed(START, null, false, "", "", "WEEKLY", " ", "", "", TWO_OUTCOMES,
                    List.of(hourlyLine("10", "13.28", "1")));
            assertThat(assertAccepted(plan).weeklyContribution()).isEqualTo(Money.ZERO);
        }
    }

    @Nested
    class Outcomes_atMost50_eachAtMost1000Characters {

        @Test
        void tenThousandOutcomesRefused() {
            var many = Collections.nCopies(10_000, "Go swimming");
            assertRefused(typed(many, List.of(hourlyLine("10", "13.28", "1"))), "outcomes", "Enter no more than 50 outcomes");
        }

        @Test
        void fiftyOneRefused_fiftyAccepted() {
            assertRefused(typed(numbered(51), List.of(hourlyLine("10", "13.28", "50"))), "outcomes",
                    "Enter no more than 50 outcomes");
            errors = new FormErrors(messages(), Locale.ENGLISH);
            var result = assertAccepted(typed(numbered(50), List.of(hourlyLine("10", "13.28", "50"))));
            assertThat(result.outcomes()).hasSize(50);
            assertThat(result.budgetLines().get(0).outcomes()).containsExactly(50);
        }

        private List<String> numbered(int n) {
            var list = new ArrayList<String>();
            for (int i = 1; i <= n; i++) {
                list.add("Outcome " + i);
            }
            return list;
        }

        @Test
        void aFiveThousandCharacterOutcomeRefused() {
            assertRefused(typed(List.of("a".repeat(5000)), List.of(hourlyLine("10", "13.28", "1"))), "outcomes",
                    "Enter each outcome in 1,000 characters or fewer");
        }

        @Test
        void thousandCharactersAccepted_thousandAndOneRefused() {
            assertThat(assertAccepted(typed(List.of("a".repeat(1000)), List.of(hourlyLine("10", "13.28", "1"))))
                    .outcomes().get(0)).hasSize(1000);
            errors = new FormErrors(messages(), Locale.ENGLISH);
            assertRefused(typed(List.of("a".repeat(1001)), List.of(hourlyLine("10", "13.28", "1"))), "outcomes",
                    "Enter each outcome in 1,000 characters or fewer");
        }

        @Test
        void noOutcomesRefused() {
            assertRefused(typed(List.of(), List.of(hourlyLine("10", "13.28", ""))), "outcomes",
                    "Enter at least one outcome, in the person's own words");
        }

        @Test
        void onlyBlankOutcomesRefused() {
            assertRefused(typed(List.of("", "   "), List.of(hourlyLine("10", "13.28", ""))), "outcomes",
                    "Enter at least one outcome, in the person's own words");
        }

        @Test
        void noOutcomeListRefused() {
            assertRefused(typed(null, List.of(hourlyLine("10", "13.28", ""))), "outcomes",
                    "Enter at least one outcome, in the person's own words");
        }

        @Test
        void blankOutcomesAreSkippedAndTheRestKeptInOrder() {
            var result = assertAccepted(typed(List.of(" ", "Stay at home ", ""), List.of(hourlyLine("10", "13.28", "1"))));
            assertThat(result.outcomes()).containsExactly("Stay at home");
        }

        @ParameterizedTest(name = "line serving outcome \"{0}\" of 2 refused")
        @ValueSource(strings = {"3", "0", "-1", "1, 3", "one"})
        void aLineServingAnOutcomeThatDoesNotExistRefused(String numbers) {
            assertRefused(typedLines(hourlyLine("10", "13.28", numbers)), "budgetLines[0].outcomes",
                    "Enter the numbers of the outcomes this line serves, from 1 to 2, like 1, 2");
        }
    }

    @Nested
    class NoHtml {

        @ParameterizedTest(name = "eligible needs \"{0}\" refused")
        @ValueSource(strings = {"<b>x</b>", "<script>alert(1)</script>", "Needs help </p>"})
        void inEligibleNeeds(String html) {
            var plan = new PlanInput.Typed(START, null, false, html, "", "WEEKLY", "", "", "", TWO_OUTCOMES,
                    List.of(hourlyLine("10", "13.28", "1")));
            assertRefused(plan, "eligibleNeeds", "Enter the person's eligible needs without the characters < and >");
        }

        @ParameterizedTest(name = "outcome \"{0}\" refused")
        @ValueSource(strings = {"<b>x</b>", "<script>alert(1)</script>"})
        void inAnOutcome(String html) {
            assertRefused(typed(List.of("Stay at home", html), List.of(hourlyLine("10", "13.28", "1"))), "outcomes",
                    "Enter each outcome without the characters < and >");
        }

        @ParameterizedTest(name = "line description \"{0}\" refused")
        @ValueSource(strings = {"<b>x</b>", "<script>alert(1)</script>"})
        void inALineDescription(String html) {
            assertRefused(typedLines(new PlanInput.TypedLine(html, "HOURLY", "10", "13.28", null, null, "1")),
                    "budgetLines[0].description", "Enter what the money is for without the characters < and >");
        }
    }

    @Nested
    class Lines_andDates {

        @Test
        void noBudgetLinesRefused() {
            assertRefused(typedLines(), "budgetLines", "Enter at least one budget line");
        }

        @Test
        void onlyBlankRowsRefused() {
            assertRefused(typedLines(blankLine(), blankLine()), "budgetLines", "Enter at least one budget line");
        }

        @Test
        void noLineListRefused() {
            assertRefused(typed(TWO_OUTCOMES, null), "budgetLines", "Enter at least one budget line");
        }

        @Test
        void fiftyOneLinesRefused() {
            var lines = Collections.nCopies(51, hourlyLine("1", "13.28", "1"));
            assertRefused(typed(TWO_OUTCOMES, lines), "budgetLines", "Enter no more than 50 budget lines");
        }

        @Test
        void aLineWithoutADescriptionRefused() {
            assertRefused(typedLines(new PlanInput.TypedLine(" ", "HOURLY", "10", "13.28", null, null, "1")),
                    "budgetLines[0].description", "Enter what the money is for");
        }

        @ParameterizedTest(name = "kind \"{0}\" refused")
        @ValueSource(strings = {"MONTHLY", "", "hourly-ish"})
        void unknownKindRefused(String kind) {
            assertRefused(typedLines(new PlanInput.TypedLine("Gym", kind, "10", "13.28", "25", "25", "1")),
                    "budgetLines[0].kind", "Select hourly support, a weekly amount or a one-off amount");
        }

        @Test
        void aTemporaryChangeWithoutAnEndDateRefused() {
            var plan = new PlanInput.Typed(START, null, true, "", "", "WEEKLY", "", "", "", TWO_OUTCOMES,
                    List.of(hourlyLine("10", "13.28", "1")));
            assertRefused(plan, "endDate", "Enter the date the temporary change ends");
        }

        @Test
        void anEndDateBeforeTheStartRefused() {
            var plan = new PlanInput.Typed(START, START.minusDays(1), true, "", "", "WEEKLY", "", "", "", TWO_OUTCOMES,
                    List.of(hourlyLine("10", "13.28", "1")));
            assertRefused(plan, "endDate", "The end date must be on or after the start date");
        }

        @Test
        void noStartDateRefused() {
            var plan = new PlanInput.Typed(null, null, false, "", "", "WEEKLY", "", "", "", TWO_OUTCOMES,
                    List.of(hourlyLine("10", "13.28", "1")));
            assertRefused(plan, "startDate", "Enter the date the plan starts");
        }

        @ParameterizedTest(name = "payment frequency \"{0}\" refused")
        @ValueSource(strings = {"", "DAILY"})
        void unknownPaymentFrequencyRefused(String frequency) {
            var plan = new PlanInput.Typed(START, null, false, "", "", frequency, "", "", "", TWO_OUTCOMES,
                    List.of(hourlyLine("10", "13.28", "1")));
            assertRefused(plan, "paymentFrequency", "Select how often the direct payment is paid");
        }

        @Test
        void everyProblemIsReportedAtOnce() {
            var plan = new PlanInput.Typed(START, null, true, "<b>x</b>", "", "DAILY", "", "", "", List.of(),
                    List.of(hourlyLine("lots", "£abc", "")));
            assertThat(read(plan)).isNull();
            assertThat(errors.list()).extracting(e -> e.field())
                    .contains("endDate", "eligibleNeeds", "paymentFrequency", "outcomes", HOURS, RATE);
        }
    }

    @Nested
    class DeliveryMechanisms {

        PlanInput.TypedLine taken(String mechanism) {
            return new PlanInput.TypedLine("Day centre", "WEEKLY", null, null, "80", null, "1", mechanism,
                    // issue 18: a line taken as an individual service fund names its provider (CarePlans checks it is listed)
                    "individual_service_fund".equalsIgnoreCase(mechanism) ? "00000000-0000-0000-0000-00000000000a" : null);
        }

        @Test
        void anIndividualServiceFundNamesItsProvider() {
            assertRefused(typedLines(hourlyLine("10", "13.28", "1"), new PlanInput.TypedLine("Day centre", "WEEKLY", null, null,
                    "80", null, "1", "INDIVIDUAL_SERVICE_FUND")), "budgetLines[1].isfProviderId",
                    "Choose the provider from the community directory that holds this individual service fund");
        }

        @Test
        void onlyAnIndividualServiceFundLineKeepsAProvider() {
            var result = assertAccepted(typedLines(hourlyLine("10", "13.28", "1"), taken("INDIVIDUAL_SERVICE_FUND")));
            assertThat(result.budgetLines().get(1).isfProviderId()).hasToString("00000000-0000-0000-0000-00000000000a");
            assertThat(result.budgetLines().get(0).isfProviderId()).as("only an ISF line names one").isNull();
        }

        @Test
        void aLineIsADirectPaymentUnlessTheFormSaysOtherwise() {
            var result = assertAccepted(typedLines(hourlyLine("10", "13.28", "1"), taken(" "),
                    taken("individual_service_fund"), taken("COUNCIL_COMMISSIONED")));
            assertThat(result.budgetLines()).extracting(BudgetLine::deliveryMechanism).containsExactly(
                    DeliveryMechanism.DIRECT_PAYMENT, DeliveryMechanism.DIRECT_PAYMENT,
                    DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, DeliveryMechanism.COUNCIL_COMMISSIONED);
        }

        @Test
        void anUnknownWayIsRefusedOnItsLine() {
            assertRefused(typedLines(hourlyLine("10", "13.28", "1"), taken("CASH_IN_HAND")), "budgetLines[1].deliveryMechanism",
                    "Select a direct payment, an individual service fund, a budget the council manages or support the council arranges");
        }
    }
}
