package org.dphub.directory;

import java.util.ArrayList;
import java.util.List;
import org.dphub.shared.Money;

/**
 * How a group purchase is divided in whole pence, so that the parts always add up exactly.
 * <ul>
 * <li><b>Equal shares.</b> The total divided by the number of members, rounded down to a penny;
 * the pence left over (always fewer than the members) are paid one each by the <b>first members
 * by join order</b>. £100.00 among 3: £33.34, £33.33, £33.33.</li>
 * <li><b>A share over its sessions.</b> Each session is worth the share divided by the sessions,
 * rounded down; the odd pence fall on the <b>earliest sessions</b>. So a refund for the sessions
 * not yet held is the sum of the later sessions' parts, and the held part plus the refund is the
 * share to the penny.</li>
 * <li><b>Joining mid-term.</b> A member who joins after the group was confirmed pays the price of
 * one place (the equal share without an odd penny) for the sessions still to come only.</li>
 * </ul>
 * The same rule is written in docs/ARCHITECTURE.md and shown on the group's page.
 */
public final class GroupSharePolicy {

    private GroupSharePolicy() {
    }

    /** Equal shares of {@code total} for {@code members} people, in join order. */
    public static List<Money> equalShares(Money total, int members) {
        if (members <= 0) {
            return List.of();
        }
        if (total.isNegative()) {
            throw new IllegalArgumentException("a total is never negative");
        }
        long base = total.pence() / members;
        long odd = total.pence() % members;
        List<Money> shares = new ArrayList<>(members);
        for (int i = 0; i < members; i++) {
            shares.add(Money.ofPence(i < odd ? base + 1 : base));
        }
        return shares;
    }

    /** The price of one place: the equal share that carries no odd penny. */
    public static Money placePrice(Money total, int members) {
        return Money.ofPence(total.pence() / Math.max(1, members));
    }

    /** What each of {@code sessions} sessions is worth of {@code share}, earliest first. */
    public static List<Money> perSession(Money share, int sessions) {
        return equalShares(share, sessions);
    }

    /** The part of {@code share} (spread over {@code sessions}) for the sessions after the first {@code held}. */
    public static Money notYetHeld(Money share, int sessions, int held) {
        if (sessions <= 0) {
            return Money.ZERO;
        }
        List<Money> parts = perSession(share, sessions);
        long pence = 0;
        for (int i = Math.max(0, held); i < sessions; i++) {
            pence = Math.addExact(pence, parts.get(i).pence());
        }
        return Money.ofPence(pence);
    }

    /** What a member joining mid-term pays: a place's part of each of the {@code remaining} last sessions. */
    public static Money joiningMidTerm(Money placePrice, int sessions, int remaining) {
        return notYetHeld(placePrice, sessions, sessions - remaining);
    }
}
