package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.dphub.shared.Money;
import org.junit.jupiter.api.Test;

/**
 * What a movement was, read from what the ledger recorded in English, so a page can say it in the
 * reader's language: here the payments to providers (a request paid, a share of a group purchase,
 * an instalment of a regular payment), worded as payments.ProviderPayments and the directory record
 * them. Anything that does not read as one stays as recorded.
 */
class LedgerEntryTest {

    static LedgerEntry spending(String key, String description) {
        return new LedgerEntry(1, LocalDate.of(2026, 12, 8), LedgerKind.SPENDING, Money.ofPence(-2250), description, null, key, null);
    }

    @Test
    void aRequestForPaymentPaidIsTheProviderAndWhatTheyWrote() {
        LedgerEntry e = spending("provider-charge:payment-request:7", "Paid to Riverside Community Support: Help with shopping: 2 hours");
        assertThat(e.what()).isEqualTo(LedgerEntry.What.PROVIDER);
        assertThat(e.detail()).isEqualTo("Riverside Community Support: Help with shopping: 2 hours");
        assertThat(e.sessions()).isNull();
        assertThat(e.service()).isNull();
    }

    @Test
    void aShareOfAGroupPurchaseIsTheProviderTheTitleAndTheSessions() {
        LedgerEntry e = spending("provider-charge:group:0b0c0c0c-0000-4000-8000-000000000001:member:3",
                "Paid to Bright Days Arts: Art for everyone (on Thursdays) (6 sessions, bought together)");
        assertThat(e.what()).isEqualTo(LedgerEntry.What.GROUP_SHARE);
        assertThat(e.detail()).isEqualTo("Bright Days Arts: Art for everyone (on Thursdays)");
        assertThat(e.sessions()).isEqualTo(6);
    }

    @Test
    void anInstalmentIsTheProviderTheServiceAndTheDayItWasDue() {
        LedgerEntry e = spending("provider-charge:regular:12:3", "Paid to Sunny Days: CIC: Regular payment for Lunch club, Mondays, 8 December 2026");
        assertThat(e.what()).isEqualTo(LedgerEntry.What.PROVIDER_REGULAR);
        assertThat(e.detail()).as("a name may have a colon in it").isEqualTo("Sunny Days: CIC");
        assertThat(e.service()).isEqualTo("Lunch club, Mondays");
        assertThat(e.dueOn()).isEqualTo(LocalDate.of(2026, 12, 8));
    }

    @Test
    void moneyGivenBackIsTheProviderAndWhatForAndForAGroupTheSessionsNotYetHeld() {
        LedgerEntry refund = spending("provider-refund:api-7", "Refund from Riverside Community Support: Lunch club, one missed");
        assertThat(refund.what()).isEqualTo(LedgerEntry.What.PROVIDER_REFUND);
        assertThat(refund.detail()).isEqualTo("Riverside Community Support: Lunch club, one missed");
        assertThat(refund.sessions()).isNull();
        LedgerEntry group = spending("provider-refund:group:0b0c0c0c-0000-4000-8000-000000000001:member:3:refund",
                "Refund from Bright Days Arts: Art for everyone on Thursdays (4 sessions not yet held)");
        assertThat(group.what()).isEqualTo(LedgerEntry.What.GROUP_REFUND);
        assertThat(group.detail()).isEqualTo("Bright Days Arts: Art for everyone on Thursdays");
        assertThat(group.sessions()).isEqualTo(4);
    }

    @Test
    void whatDoesNotReadAsOneIsShownAsRecorded() {
        // cut short at 500 characters, or worded some other way: a payment to a provider, in the words recorded
        LedgerEntry cut = spending("provider-charge:group:x:member:1", "Paid to Bright Days Arts: Art for everyone (6 sess");
        assertThat(cut.what()).isEqualTo(LedgerEntry.What.PROVIDER);
        assertThat(cut.detail()).isEqualTo("Bright Days Arts: Art for everyone (6 sess");
        LedgerEntry noDay = spending("provider-charge:regular:1:1", "Paid to Sunny Days: Regular payment for Lunch club, 31 Smarch 2026");
        assertThat(noDay.what()).isEqualTo(LedgerEntry.What.PROVIDER);
        // a statement line that happens to start the same way is what the bank said
        LedgerEntry statement = spending("statement:abc", "Paid to Bright Days Arts (6 sessions, bought together)");
        assertThat(statement.what()).isEqualTo(LedgerEntry.What.OTHER);
        assertThat(statement.detail()).isEqualTo("Paid to Bright Days Arts (6 sessions, bought together)");
    }
}
