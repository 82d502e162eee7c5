package org.dphub.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.dao.DataAccessException;

/** The audit trail is append-only: even the database refuses to change or remove it. */
@IntegrationTest
class AuditTrailIT {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    AuditTrail audit;

    @Test
    void theDatabaseRefusesToUpdateDeleteOrTruncateAuditEvents() {
        long before = jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single();
        assertThat(before).isPositive();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'someone else'").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("TRUNCATE audit_event").update())
                .isInstanceOf(DataAccessException.class).hasMessageContaining("append-only");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event").query(Long.class).single()).isEqualTo(before);
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE actor = 'someone else'").query(Long.class).single()).isZero();
    }

    @Test
    void aChangeIsOnlyRecordedInsideTheTransactionThatMakesIt() {
        assertThatThrownBy(() -> audit.record(null, "test", 1, AuditAction.CREATE, null, AuditTrail.values("a", 1)))
                .isInstanceOf(IllegalTransactionStateException.class);
    }

    @Test
    void demoDataWasRecordedWithPersonalDataValues() {
        var citizenEvents = jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'citizen' AND action = 'CREATE' AND actor = 'system'")
                .query(Long.class).single();
        // 50 demo people in each council, and issue 18's carer and child in each (DemoKinds)
        assertThat(citizenEvents).isEqualTo(104);
        String after = jdbc.sql("SELECT after_state::text FROM audit_event WHERE entity_type = 'citizen' ORDER BY id LIMIT 1")
                .query(String.class).single();
        assertThat(after).contains("dateOfBirth").contains("postcode");
    }
}
