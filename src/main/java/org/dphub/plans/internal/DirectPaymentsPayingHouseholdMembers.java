package org.dphub.plans.internal;

import java.util.List;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.people.Duty;
import org.dphub.people.HouseholdMember;
import org.dphub.people.HouseholdMemberDuties;
import org.dphub.plans.FamilyMemberPaymentPolicy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A household member paid by a direct payment that has not ended, set up without the council's decision
 * that paying them is necessary, cannot become someone the law says needs that decision (a close relative
 * who now lives with the person; in England a spouse or civil partner): the payment must be ended (or
 * withdrawn while it waits for agreement) and a new one set up, with the decision, first. Any other change
 * — a name, someone moving out, a relationship the rules do not name — leaves the payment lawful. Nobody
 * a direct payment not ended pays is taken off the household, decision or not: it must end (or be
 * withdrawn) first.
 */
@Component
class DirectPaymentsPayingHouseholdMembers implements HouseholdMemberDuties {

    private final JdbcClient jdbc;
    private final Councils councils;

    DirectPaymentsPayingHouseholdMembers(JdbcClient jdbc, Councils councils) {
        this.jdbc = jdbc;
        this.councils = councils;
    }

    @Override
    public List<Duty> ofChange(long councilId, HouseholdMember before, HouseholdMember after) {
        Nation nation = councils.findById(councilId).orElseThrow().nation();
        if (!FamilyMemberPaymentPolicy.covered(nation, after) || FamilyMemberPaymentPolicy.covered(nation, before)) {
            return List.of();
        }
        return paying(councilId, before.id(), false, "people.household.change.needed.");
    }

    /** Any direct payment not ended that pays them, with the council's decision or without: it would pay someone not recorded. */
    @Override
    public List<Duty> ofRemoval(long councilId, HouseholdMember member) {
        return paying(councilId, member.id(), true, "people.household.remove.needed.");
    }

    private List<Duty> paying(long councilId, long memberId, boolean evenWithDecision, String keys) {
        return jdbc.sql("""
                        SELECT d.id, d.status, d.start_date FROM direct_payment d
                        JOIN direct_payment_household_payee p ON p.direct_payment_id = d.id
                        WHERE d.council_id = :council AND p.household_member_id = :member AND d.status <> 'ENDED'
                          AND (:evenWithDecision OR NOT EXISTS (SELECT 1 FROM necessity_decision n WHERE n.direct_payment_id = d.id))
                        ORDER BY d.id""")
                .param("council", councilId).param("member", memberId).param("evenWithDecision", evenWithDecision)
                .query((rs, row) -> new Duty(keys + ("AWAITING_AGREEMENT".equals(rs.getString("status")) ? "awaiting" : "paid"),
                        List.<Object>of(rs.getLong("id"), rs.getObject("start_date", java.time.LocalDate.class))))
                .list();
    }
}
