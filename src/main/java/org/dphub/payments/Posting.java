package org.dphub.payments;

import java.time.LocalDate;
import java.util.List;
import org.dphub.shared.Money;

/**
 * A transaction to post: its legs must add up to zero (double entry), and the idempotency key
 * makes posting it a second time do nothing.
 */
public record Posting(long councilId, String idempotencyKey, LedgerKind kind, LocalDate postedOn, String description,
                      List<Leg> legs) {

    public record Leg(Book book, Long accountId, Money amount) {
        public Leg {
            if ((book == Book.COUNCIL) != (accountId == null)) {
                throw new IllegalArgumentException("Only council legs have no account");
            }
            if (amount.isZero()) {
                throw new IllegalArgumentException("A leg moves some money");
            }
        }
    }

    public Posting {
        legs = List.copyOf(legs);
        if (legs.size() < 2) {
            throw new IllegalArgumentException("A transaction has at least two legs");
        }
        Money total = legs.stream().map(Leg::amount).reduce(Money.ZERO, Money::plus);
        if (!total.isZero()) {
            throw new IllegalArgumentException("The legs add up to " + total + ", not zero");
        }
    }

    /** Council funding into an account: the council's book goes down, the account's up. */
    public static Posting funding(long councilId, String key, long accountId, Money amount, LocalDate on, String description) {
        return new Posting(councilId, key, LedgerKind.FUNDING, on, description,
                List.of(new Leg(Book.COUNCIL, null, amount.negate()), new Leg(Book.ACCOUNT, accountId, amount)));
    }

    /** Spending from an account. */
    public static Posting spending(long councilId, String key, long accountId, Money amount, LocalDate on, String description) {
        return new Posting(councilId, key, LedgerKind.SPENDING, on, description,
                List.of(new Leg(Book.ACCOUNT, accountId, amount.negate()), new Leg(Book.SPENDING, accountId, amount)));
    }

    /** Money given back from an account to the council. */
    public static Posting recovery(long councilId, String key, long accountId, Money amount, LocalDate on, String description) {
        return new Posting(councilId, key, LedgerKind.RECOVERY, on, description,
                List.of(new Leg(Book.ACCOUNT, accountId, amount.negate()), new Leg(Book.COUNCIL, null, amount)));
    }
}
