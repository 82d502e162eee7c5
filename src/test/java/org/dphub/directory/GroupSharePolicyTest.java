package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.dphub.shared.Money;

/** The rule that spreads the odd pence of a group purchase, and the refunds it leads to. */
class GroupSharePolicyTest {

    @Example
    void oneHundredPoundsAmongThreeThePersonWhoJoinedFirstPaysThePennyOver() {
        assertThat(GroupSharePolicy.equalShares(Money.ofPence(10_000), 3))
                .containsExactly(Money.ofPence(3_334), Money.ofPence(3_333), Money.ofPence(3_333));
    }

    @Example
    void twoOddPenceGoToTheFirstTwoMembers() {
        assertThat(GroupSharePolicy.equalShares(Money.ofPence(1_002), 4))
                .containsExactly(Money.ofPence(251), Money.ofPence(251), Money.ofPence(250), Money.ofPence(250));
    }

    @Example
    void leavingAfterTwoOfSixSessionsRefundsTheLastFour() {
        // £33.34 over 6 sessions: 5.56, 5.56, 5.56, 5.56, 5.55, 5.55
        assertThat(GroupSharePolicy.notYetHeld(Money.ofPence(3_334), 6, 2)).isEqualTo(Money.ofPence(2_222));
        assertThat(GroupSharePolicy.notYetHeld(Money.ofPence(3_334), 6, 0)).isEqualTo(Money.ofPence(3_334));
        assertThat(GroupSharePolicy.notYetHeld(Money.ofPence(3_334), 6, 6)).isEqualTo(Money.ZERO);
    }

    @Example
    void joiningForTheLastThreeOfSixSessionsPaysAPlacesPartOfThem() {
        Money place = GroupSharePolicy.placePrice(Money.ofPence(10_000), 3);
        assertThat(place).isEqualTo(Money.ofPence(3_333));
        // 3333 over 6: 556, 556, 556, 555, 555, 555 -> the last three
        assertThat(GroupSharePolicy.joiningMidTerm(place, 6, 3)).isEqualTo(Money.ofPence(1_665));
    }

    @Property
    void equalSharesAlwaysAddUpToTheTotalAndDifferByAtMostAPenny(
            @ForAll @LongRange(min = 0, max = 10_000_000) long total, @ForAll @IntRange(min = 1, max = 50) int members) {
        List<Money> shares = GroupSharePolicy.equalShares(Money.ofPence(total), members);
        assertThat(shares).hasSize(members);
        assertThat(shares.stream().mapToLong(Money::pence).sum()).isEqualTo(total);
        long most = shares.stream().mapToLong(Money::pence).max().orElseThrow();
        long least = shares.stream().mapToLong(Money::pence).min().orElseThrow();
        assertThat(most - least).isBetween(0L, 1L);
        for (int i = 1; i < shares.size(); i++) {
            assertThat(shares.get(i).pence()).as("earlier members never pay less").isLessThanOrEqualTo(shares.get(i - 1).pence());
        }
    }

    @Property
    void whatWasHeldAndTheRefundMakeTheShareExactly(
            @ForAll @LongRange(min = 0, max = 10_000_000) long share, @ForAll @IntRange(min = 1, max = 104) int sessions,
            @ForAll @IntRange(min = 0, max = 104) int heldAsked) {
        int held = Math.min(heldAsked, sessions);
        Money refund = GroupSharePolicy.notYetHeld(Money.ofPence(share), sessions, held);
        long heldPart = GroupSharePolicy.perSession(Money.ofPence(share), sessions).subList(0, held).stream()
                .mapToLong(Money::pence).sum();
        assertThat(heldPart + refund.pence()).isEqualTo(share);
        assertThat(refund.pence()).isBetween(0L, share);
    }

    @Property
    void aLaterLeaverNeverGetsMoreBack(
            @ForAll @LongRange(min = 0, max = 10_000_000) long share, @ForAll @IntRange(min = 1, max = 104) int sessions,
            @ForAll @IntRange(min = 0, max = 103) int held) {
        int h = Math.min(held, sessions - 1);
        assertThat(GroupSharePolicy.notYetHeld(Money.ofPence(share), sessions, h + 1))
                .isLessThanOrEqualTo(GroupSharePolicy.notYetHeld(Money.ofPence(share), sessions, h));
    }

    @Property
    void aMidTermJoinersSharePaidThenRefundedMatchesThePlacesParts(
            @ForAll @LongRange(min = 0, max = 10_000_000) long place, @ForAll @IntRange(min = 1, max = 104) int sessions,
            @ForAll @IntRange(min = 1, max = 104) int remainingAsked, @ForAll @IntRange(min = 0, max = 104) int laterHeld) {
        int remaining = Math.min(remainingAsked, sessions);
        Money paid = GroupSharePolicy.joiningMidTerm(Money.ofPence(place), sessions, remaining);
        int held = Math.min(laterHeld, remaining);
        // the joiner's own spread over their sessions gives each session the same part as the place's spread
        assertThat(GroupSharePolicy.notYetHeld(paid, remaining, held))
                .isEqualTo(GroupSharePolicy.notYetHeld(Money.ofPence(place), sessions, sessions - remaining + held));
    }
}
