package org.dphub.plans.internal;

import java.util.List;
import org.dphub.people.Duty;
import org.dphub.people.RepresentativeDuties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A representative to whom a direct payment is made (a person without capacity's authorised or suitable
 * person, a child's parent) cannot stop acting while it has not ended: it must be ended, or withdrawn
 * while it waits for agreement, and a new one set up with whoever acts now.
 */
@Component
class DirectPaymentsMadeToRepresentatives implements RepresentativeDuties {

    private final JdbcClient jdbc;

    DirectPaymentsMadeToRepresentatives(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<Duty> of(long councilId, long representativeId) {
        return jdbc.sql("""
                        SELECT id, status, start_date FROM direct_payment
                        WHERE council_id = :council AND representative_id = :representative AND status <> 'ENDED'
                        ORDER BY id""")
                .param("council", councilId).param("representative", representativeId)
                .query((rs, row) -> new Duty("AWAITING_AGREEMENT".equals(rs.getString("status"))
                                ? "people.representative.end.needed.awaiting" : "people.representative.end.needed.paid",
                        List.<Object>of(rs.getLong("id"), rs.getObject("start_date", java.time.LocalDate.class))))
                .list();
    }
}
