package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dphub.councils.Nation;
import org.dphub.councils.PaymentFrequency;
import org.dphub.people.Representative;
import org.dphub.people.RepresentativeKind;
import org.junit.jupiter.api.Test;

/** Issue 18's rules for carers and children, and the day an adult's payment takes over at 18. */
class RecipientPoliciesTest {

    static final LocalDate START = LocalDate.of(2027, 3, 1);

    static Representative a(RepresentativeKind kind) {
        return new Representative(7, 1, 1, "Mari Jones", kind, null, null);
    }

    @Test
    void aChildsPaymentIsHeldBySomeoneWithParentalResponsibility() {
        LocalDate ten = START.minusYears(10);
        assertThat(ChildPaymentPolicy.checkHolder(ten, START, false, a(RepresentativeKind.PARENTAL_RESPONSIBILITY)).allowed()).isTrue();
        assertThat(ChildPaymentPolicy.checkHolder(ten, START, true, null).allowed()).as("s17A: nobody with parental responsibility").isFalse();
        assertThat(ChildPaymentPolicy.checkHolder(ten, START, true, a(RepresentativeKind.NOMINATED_PERSON)).allowed()).isFalse();
        assertThat(ChildPaymentPolicy.checkHolder(ten, START, true, a(RepresentativeKind.AUTHORISED_PERSON)).allowed()).isFalse();
        assertThat(ChildPaymentPolicy.checkHolder(ten, START, true, null).rule()).isEqualTo(DirectPaymentRule.CHILD_PARENTAL_RESPONSIBILITY);
    }

    @Test
    void aYoungPersonOf16Or17HoldsTheirOwnOnlyWithCapacity() {
        assertThat(ChildPaymentPolicy.checkHolder(START.minusYears(16), START, true, null).allowed()).as("16 today").isTrue();
        assertThat(ChildPaymentPolicy.checkHolder(START.minusYears(18).plusDays(1), START, true, null).allowed()).as("17, 18 tomorrow").isTrue();
        assertThat(ChildPaymentPolicy.checkHolder(START.minusYears(16).plusDays(1), START, true, null).allowed()).as("16 tomorrow").isFalse();
        assertThat(ChildPaymentPolicy.checkHolder(START.minusYears(17), START, false, null).allowed()).isFalse();
    }

    @Test
    void aChildsPaymentIsForSomeoneUnder18OnItsStartDate() {
        assertThat(ChildPaymentPolicy.checkAge(START.minusYears(18).plusDays(1), START).allowed()).isTrue();
        assertThat(ChildPaymentPolicy.checkAge(START.minusYears(18), START).allowed()).as("18 today").isFalse();
    }

    @Test
    void inEnglandACarersOwnPaymentIsForAnAdultCarer() {
        assertThat(CarerPaymentPolicy.check(Nation.ENGLAND, START.minusYears(17), START).allowed()).isFalse();
        assertThat(CarerPaymentPolicy.check(Nation.ENGLAND, START.minusYears(18), START).allowed()).isTrue();
        assertThat(CarerPaymentPolicy.check(Nation.WALES, START.minusYears(17), START).allowed())
                .as("Wales: s52 not confirmed, no age rule applied").isTrue();
    }

    @Test
    void parentalResponsibilityDoesNotMakeSomeoneAnAuthorisedPersonForAnAdult() {
        assertThat(RepresentativeKind.PARENTAL_RESPONSIBILITY.actsForSomeoneWhoLacksCapacity()).isFalse();
        assertThat(CapacityPolicy.check(false, a(RepresentativeKind.PARENTAL_RESPONSIBILITY)).allowed()).isFalse();
        assertThat(CapacityPolicy.check(false, a(RepresentativeKind.AUTHORISED_PERSON)).allowed()).isTrue();
        assertThat(CapacityPolicy.check(false, a(RepresentativeKind.SUITABLE_PERSON)).allowed()).isTrue();
    }

    @Test
    void theAdultsPaymentStartsOnTheChildsFirstDueDateOnOrAfterThe18thBirthday() {
        LocalDate start = LocalDate.of(2027, 1, 4); // a Monday
        assertThat(TransitionToAdulthood.adultStart(start, PaymentFrequency.WEEKLY, LocalDate.of(2027, 2, 3)))
                .isEqualTo(LocalDate.of(2027, 2, 8));
        assertThat(TransitionToAdulthood.adultStart(start, PaymentFrequency.WEEKLY, LocalDate.of(2027, 2, 1)))
                .as("a birthday on a due date").isEqualTo(LocalDate.of(2027, 2, 1));
        assertThat(TransitionToAdulthood.adultStart(start, PaymentFrequency.FOUR_WEEKLY, LocalDate.of(2027, 2, 3)))
                .isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(TransitionToAdulthood.adultStart(LocalDate.of(2027, 1, 31), PaymentFrequency.MONTHLY, LocalDate.of(2027, 3, 1)))
                .as("month ends: 31 January, 28 February, 31 March").isEqualTo(LocalDate.of(2027, 3, 31));
        assertThat(TransitionToAdulthood.adultStart(start, PaymentFrequency.WEEKLY, LocalDate.of(2026, 12, 1)))
                .as("already 18 when the payment started").isEqualTo(start);
    }
}
