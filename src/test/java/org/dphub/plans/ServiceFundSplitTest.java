package org.dphub.plans;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.dphub.councils.ContributionBasis;
import org.dphub.councils.PaymentFrequency;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;

/**
 * Issue 18: who is paid what of a regular payment when part of the budget is an individual service
 * fund, or support the council arranges itself. Every expected value is worked by hand; the parts
 * (the person's, each provider's, the council-arranged part) always add up to the regular payment.
 */
class ServiceFundSplitTest {

    static final UUID SUNNY = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID RIVER = UUID.fromString("00000000-0000-0000-0000-000000000002");

    static BudgetLine weekly(long pence, DeliveryMechanism mechanism, UUID provider) {
        return new BudgetLine("Line", BudgetLineKind.WEEKLY, null, null, Money.ofPence(pence), null, List.of(1), mechanism,
                provider, provider == null ? null : "Provider " + provider.toString().substring(35));
    }

    static BudgetCalculation.Split split(List<BudgetLine> lines, PaymentFrequency frequency, long contribution) {
        BudgetCalculation.Budget budget = BudgetCalculation.of(lines, frequency, Money.ofPence(contribution), ContributionBasis.NET);
        BudgetCalculation.Split split = BudgetCalculation.split(lines, budget, frequency);
        long parts = split.personRegular().pence() + split.serviceFunds().stream().mapToLong(ServiceFundPart::regularPaymentPence).sum()
                + split.arrangedRegular().pence();
        assertThat(parts).as("the parts add up to the regular payment").isEqualTo(budget.regularPayment().pence());
        return split;
    }

    @Test
    void withNoFundEverythingIsThePersons() {
        var split = split(List.of(weekly(5000, DeliveryMechanism.DIRECT_PAYMENT, null)), PaymentFrequency.FOUR_WEEKLY, 0);
        assertThat(split.personRegular()).isEqualTo(Money.ofPence(20_000));
        assertThat(split.personWeekly()).isEqualTo(Money.ofPence(5000));
        assertThat(split.serviceFunds()).isEmpty();
    }

    @Test
    void eachProviderIsPaidItsLinesInThePaymentFrequency() {
        var split = split(List.of(weekly(5000, DeliveryMechanism.DIRECT_PAYMENT, null),
                weekly(2000, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, SUNNY),
                weekly(1001, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, RIVER),
                weekly(500, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, SUNNY)), PaymentFrequency.MONTHLY, 0);
        // monthly = weekly x 52 / 12, half-up: 8501 -> 36838.33 -> 36838; Sunny 2500 -> 10833.33 -> 10833; River 1001 -> 4337.67 -> 4338
        assertThat(split.serviceFunds()).containsExactly(new ServiceFundPart(SUNNY, "Provider 1", 10_833, 2500),
                new ServiceFundPart(RIVER, "Provider 2", 4338, 1001));
        assertThat(split.personRegular()).isEqualTo(Money.ofPence(36_838 - 10_833 - 4338));
        assertThat(split.personWeekly()).isEqualTo(Money.ofPence(5000));
    }

    @Test
    void aContributionComesOffThePersonsPartFirstThenTheProviders() {
        var small = split(List.of(weekly(3000, DeliveryMechanism.DIRECT_PAYMENT, null),
                weekly(2000, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, SUNNY)), PaymentFrequency.WEEKLY, 1000);
        assertThat(small.personRegular()).isEqualTo(Money.ofPence(2000));
        assertThat(small.serviceFunds().get(0).regularPaymentPence()).isEqualTo(2000);

        var large = split(List.of(weekly(3000, DeliveryMechanism.DIRECT_PAYMENT, null),
                weekly(2000, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, SUNNY)), PaymentFrequency.WEEKLY, 3500);
        assertThat(large.personRegular()).isEqualTo(Money.ZERO);
        assertThat(large.serviceFunds().get(0).regularPaymentPence()).isEqualTo(1500);

        var all = split(List.of(weekly(2000, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, SUNNY)), PaymentFrequency.WEEKLY, 9000);
        assertThat(all.personRegular()).isEqualTo(Money.ZERO);
        assertThat(all.serviceFunds().get(0).regularPaymentPence()).isZero();
    }

    @Test
    void supportTheCouncilArrangesIsNotPaidToThePerson() {
        // £50 a week as a direct payment, £30 commissioned by the council, £20 a council-managed budget, £10 an ISF
        var split = split(List.of(weekly(5000, DeliveryMechanism.DIRECT_PAYMENT, null),
                weekly(3000, DeliveryMechanism.COUNCIL_COMMISSIONED, null),
                weekly(2000, DeliveryMechanism.COUNCIL_MANAGED_BUDGET, null),
                weekly(1000, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, SUNNY)), PaymentFrequency.FOUR_WEEKLY, 0);
        assertThat(split.personRegular()).isEqualTo(Money.ofPence(20_000));
        assertThat(split.personWeekly()).isEqualTo(Money.ofPence(5000));
        assertThat(split.serviceFunds()).containsExactly(new ServiceFundPart(SUNNY, "Provider 1", 4000, 1000));
        assertThat(split.arrangedRegular()).isEqualTo(Money.ofPence(20_000));

        // only arranged support: nothing is paid to the person
        var arrangedOnly = split(List.of(weekly(3000, DeliveryMechanism.COUNCIL_COMMISSIONED, null)), PaymentFrequency.WEEKLY, 0);
        assertThat(arrangedOnly.personRegular()).isEqualTo(Money.ZERO);
        assertThat(arrangedOnly.personWeekly()).isEqualTo(Money.ZERO);
    }

    @Test
    void aContributionLargerThanWhatIsPaidOutComesOffTheArrangedPartLast() {
        // £30 a week to the person, £20 arranged, £40 contribution: the person gets nothing, the arranged part is £10
        var split = split(List.of(weekly(3000, DeliveryMechanism.DIRECT_PAYMENT, null),
                weekly(2000, DeliveryMechanism.COUNCIL_COMMISSIONED, null)), PaymentFrequency.WEEKLY, 4000);
        assertThat(split.personRegular()).isEqualTo(Money.ZERO);
        assertThat(split.arrangedRegular()).isEqualTo(Money.ofPence(1000));
    }

    @Test
    void aMonthsRoundingNeverMakesThePersonsPartNegative() {
        // monthly = weekly x 52 / 12, half-up: 6p a week is 26p; each 2p part alone is 8.67 -> 9p, three of them 27p.
        // The person's part would be -1p: it is nothing, and the arranged part gives the penny back (8p)
        var split = split(List.of(weekly(2, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, SUNNY),
                weekly(2, DeliveryMechanism.INDIVIDUAL_SERVICE_FUND, RIVER),
                weekly(2, DeliveryMechanism.COUNCIL_COMMISSIONED, null)), PaymentFrequency.MONTHLY, 0);
        assertThat(split.personRegular()).isEqualTo(Money.ZERO);
        assertThat(split.arrangedRegular()).isEqualTo(Money.ofPence(8));
    }
}
