package org.dphub.monitoring.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Statements, spending, checks, questions and returns about the person's accounts (issue 17): money records, kept. */
@Component
class MonitoringPersonalData implements PersonalDataSource {

    private static final String ACCOUNTS = " JOIN dp_account a ON a.id = x.account_id WHERE a.council_id = :council AND a.citizen_id = :citizen";

    private final JdbcClient jdbc;

    MonitoringPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "monitoring";
    }

    @Override
    public Set<String> tables() {
        return Set.of("account_transaction", "transaction_tag", "monitoring_check", "monitoring_concern", "monitoring_question",
                "monitoring_answer", "financial_return", "return_receipt");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("account_transaction", "SELECT x.id, x.account_id, x.booked_on, x.description, x.amount_pence FROM account_transaction x"
                + ACCOUNTS + " ORDER BY x.booked_on, x.id");
        q.put("monitoring_check", "SELECT x.* FROM monitoring_check x" + ACCOUNTS + " ORDER BY x.id");
        q.put("monitoring_concern", "SELECT x.* FROM monitoring_concern x" + ACCOUNTS + " ORDER BY x.id");
        q.put("monitoring_question", "SELECT x.id, x.account_id, x.question, x.asked_at, ans.answer, ans.answered_at"
                + " FROM monitoring_question x LEFT JOIN monitoring_answer ans ON ans.question_id = x.id" + ACCOUNTS + " ORDER BY x.id");
        q.put("financial_return", "SELECT x.* FROM financial_return x" + ACCOUNTS + " ORDER BY x.id");
        q.put("return_receipt", "SELECT r.id, r.return_id, r.filename, r.content_type, r.size_bytes, r.uploaded_at FROM return_receipt r"
                + " JOIN financial_return x ON x.id = r.return_id" + ACCOUNTS + " ORDER BY r.id");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), q);
    }

    @Override
    public Redacted erase(Redaction r) {
        return Redacted.kept("rights.kept.monitoring", "rights.why.money");
    }
}
