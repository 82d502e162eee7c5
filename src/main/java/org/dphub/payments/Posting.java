package org.dphub.payments;

import java.time.LocalDate;
import java.util.List;
import org.dphub.shared.Money;

/**
 * A transaction to post: its legs must add up to zero (double entry), and the idempotency key
 * makes posting it a second time do nothing.
 */
public record Posting(long councilId, String idempotencyKey, LedgerKind kind, LocalDate postedOn, String description,
                      List<Leg> legs, BudgetLineRef budgetLine) {

    /** The plan's budget line that paid for spending: a plan version and the line's position in it (from 1). */
    public record BudgetLineRef(long planVersionId, int position) {
        public BudgetLineRef {
            if (position < 1) {
                throw new IllegalArgumentException("Budget line positions start at 1");
            }
        }
    }

    public Posting(long councilId, String idempotencyKey, LedgerKind kind, LocalDate postedOn, String description, List<Leg> legs) {
        this(councilId, idempotencyKey, kind, postedOn, description, legs, null);
    }

    /** The same posting, paid for from this budget line of the plan (null: not linked to one). */
    public Posting from(BudgetLineRef line) {
        return new Posting(councilId, idempotencyKey, kind, postedOn, description, legs, line);
    }

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
        if (budgetLine != null && kind != LedgerKind.SPENDING) {
            throw new IllegalArgumentException("Only spending is paid from a budget line");
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
