package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GroupTransitionsTest {

    @Test
    void aGroupIsConfirmedOrCalledOffOnlyWhileOpenAndACalledOffGroupGoesNowhere() {
        assertThat(GroupPurchaseTransitions.next(GroupPurchaseStatus.OPEN, GroupPurchaseTransitions.Event.CONFIRM))
                .contains(GroupPurchaseStatus.CONFIRMED);
        assertThat(GroupPurchaseTransitions.next(GroupPurchaseStatus.CONFIRMED, GroupPurchaseTransitions.Event.CANCEL)).isEmpty();
        for (GroupPurchaseTransitions.Event e : GroupPurchaseTransitions.Event.values()) {
            assertThat(GroupPurchaseTransitions.next(GroupPurchaseStatus.CANCELLED, e)).isEmpty();
        }
    }

    @Test
    void aMemberPaysOnlyAfterAgreeingAndSomeoneWhoLeftCannotComeBackToLife() {
        assertThat(GroupMemberTransitions.next(GroupMemberStatus.INVITED, GroupMemberTransitions.Event.CHARGE)).isEmpty();
        assertThat(GroupMemberTransitions.next(GroupMemberStatus.CONSENTED, GroupMemberTransitions.Event.CHARGE))
                .contains(GroupMemberStatus.PAID);
        assertThat(GroupMemberTransitions.next(GroupMemberStatus.PAID, GroupMemberTransitions.Event.SHARE_CHANGED)).isEmpty();
        for (GroupMemberTransitions.Event e : GroupMemberTransitions.Event.values()) {
            assertThat(GroupMemberTransitions.next(GroupMemberStatus.LEFT, e)).isEmpty();
        }
    }
}
