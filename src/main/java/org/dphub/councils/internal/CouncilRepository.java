package org.dphub.councils.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.councils.ContributionBasis;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Nation;
import org.dphub.councils.PaymentFrequency;
import org.dphub.councils.ReturnPeriod;
import org.dphub.councils.VersionedSettings;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class CouncilRepository {

    private final JdbcClient jdbc;
    private final Reads reads;

    CouncilRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public Council insert(String code, String name, String nameCy, Nation nation) {
        long id = jdbc.sql("""
                        INSERT INTO council (code, name, name_cy, nation) VALUES (:code, :name, :nameCy, :nation)
                        RETURNING id""")
                .param("code", code).param("name", name).param("nameCy", nameCy).param("nation", nation.name())
                .query(Long.class).single();
        return new Council(id, code, name, nameCy, nation);
    }

    public void insertSettings(long councilId, CouncilSettings s) {
        jdbc.sql("""
                        INSERT INTO council_settings (council_id, self_approval_limit_pence, receipts_threshold_pence,
                            return_period, surplus_weeks, payment_frequency, pa_hourly_rate_pence, agency_hourly_rate_pence,
                            first_review_months, review_interval_months, contribution_basis, target_days_to_money, welsh_language,
                            one_off_maximum_pence, contact_phone, contact_email, cld_la_code, help_reply_target_working_days)
                        VALUES (:council, :limit, :receipts, :returns, :surplus, :frequency, :pa, :agency,
                            :firstReview, :interval, :basis, :target, :welsh, :oneOffMaximum, :phone, :email, :cldLaCode, :helpTarget)""")
                .param("council", councilId)
                .params(params(s))
                .update();
    }

    public boolean updateSettings(long councilId, CouncilSettings s, long expectedVersion) {
        return jdbc.sql("""
                        UPDATE council_settings SET self_approval_limit_pence = :limit, receipts_threshold_pence = :receipts,
                            return_period = :returns, surplus_weeks = :surplus, payment_frequency = :frequency,
                            pa_hourly_rate_pence = :pa, agency_hourly_rate_pence = :agency,
                            first_review_months = :firstReview, review_interval_months = :interval,
                            contribution_basis = :basis, target_days_to_money = :target, welsh_language = :welsh,
                            one_off_maximum_pence = :oneOffMaximum, contact_phone = :phone, contact_email = :email,
                            cld_la_code = :cldLaCode, help_reply_target_working_days = :helpTarget, version = version + 1, updated_at = now()
                        WHERE council_id = :council AND version = :version""")
                .param("council", councilId).param("version", expectedVersion)
                .params(params(s))
                .update() == 1;
    }

    private static java.util.Map<String, Object> params(CouncilSettings s) {
        var map = new java.util.HashMap<String, Object>();
        map.put("limit", s.selfApprovalLimit().pence());
        map.put("receipts", s.receiptsThreshold().pence());
        map.put("returns", s.returnPeriod().name());
        map.put("surplus", s.surplusWeeks());
        map.put("frequency", s.paymentFrequency().name());
        map.put("pa", s.paHourlyRate().pence());
        map.put("agency", s.agencyHourlyRate().pence());
        map.put("firstReview", s.firstReviewMonths());
        map.put("interval", s.reviewIntervalMonths());
        map.put("basis", s.contributionBasis().name());
        map.put("target", s.targetDaysToMoney());
        map.put("welsh", s.welshLanguage());
        map.put("oneOffMaximum", s.oneOffMaximum().pence());
        map.put("phone", s.contact().phone());
        map.put("email", s.contact().email());
        map.put("cldLaCode", s.cldLaCode());
        map.put("helpTarget", s.helpReplyTargetWorkingDays());
        return map;
    }

    public Optional<Council> findById(long id) {
        return reads.get(findByIdRead(id));
    }

    private record CouncilRow(long id) {
    }

    public Read<Optional<Council>> findByIdRead(long id) {
        return Read.optional(new CouncilRow(id), "SELECT * FROM council WHERE id = :id", Map.of("id", id), CouncilRepository::council);
    }

    public Optional<Council> findByCode(String code) {
        return jdbc.sql("SELECT * FROM council WHERE code = :code").param("code", code).query(CouncilRepository::council).optional();
    }

    public List<Council> findAll() {
        return jdbc.sql("SELECT * FROM council ORDER BY name").query(CouncilRepository::council).list();
    }

    public Optional<VersionedSettings> findSettings(long councilId) {
        return reads.get(findSettingsRead(councilId));
    }

    private record SettingsOf(long councilId) {
    }

    public Read<Optional<VersionedSettings>> findSettingsRead(long councilId) {
        return Read.optional(new SettingsOf(councilId), "SELECT * FROM council_settings WHERE council_id = :council",
                Map.of("council", councilId), (rs, row) -> new VersionedSettings(councilId, settings(rs), rs.getLong("version"),
                        rs.getTimestamp("updated_at").toInstant()));
    }

    private static Council council(ResultSet rs, int row) throws SQLException {
        return new Council(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("name_cy"),
                Nation.valueOf(rs.getString("nation")));
    }

    private static CouncilSettings settings(ResultSet rs) throws SQLException {
        return new CouncilSettings(
                Money.ofPence(rs.getLong("self_approval_limit_pence")),
                Money.ofPence(rs.getLong("receipts_threshold_pence")),
                ReturnPeriod.valueOf(rs.getString("return_period")),
                rs.getInt("surplus_weeks"),
                PaymentFrequency.valueOf(rs.getString("payment_frequency")),
                Money.ofPence(rs.getLong("pa_hourly_rate_pence")),
                Money.ofPence(rs.getLong("agency_hourly_rate_pence")),
                rs.getInt("first_review_months"),
                rs.getInt("review_interval_months"),
                ContributionBasis.valueOf(rs.getString("contribution_basis")),
                rs.getInt("target_days_to_money"),
                rs.getBoolean("welsh_language"),
                Money.ofPence(rs.getLong("one_off_maximum_pence")),
                new org.dphub.councils.CouncilContact(rs.getString("contact_phone"), rs.getString("contact_email")),
                rs.getString("cld_la_code"), rs.getInt("help_reply_target_working_days"));
    }

    public int transitionNoticeDays(long councilId) {
        return jdbc.sql("SELECT transition_notice_days FROM council_settings WHERE council_id = :council")
                .param("council", councilId).query(Integer.class).optional().orElse(90);
    }

    public void setTransitionNoticeDays(long councilId, int days) {
        jdbc.sql("UPDATE council_settings SET transition_notice_days = :days, updated_at = now() WHERE council_id = :council")
                .param("council", councilId).param("days", days).update();
    }
    // ---- single sign-on (issue 17) ----

    public Optional<org.dphub.councils.VersionedSingleSignOn> findSingleSignOn(long councilId) {
        List<org.dphub.councils.SingleSignOn.GroupRole> groups = jdbc.sql("""
                        SELECT group_value, role FROM council_single_sign_on_group WHERE council_id = :council
                        ORDER BY role, group_value""")
                .param("council", councilId)
                .query((rs, row) -> new org.dphub.councils.SingleSignOn.GroupRole(rs.getString("group_value"),
                        org.dphub.shared.Role.valueOf(rs.getString("role"))))
                .list();
        return jdbc.sql("SELECT * FROM council_single_sign_on WHERE council_id = :council")
                .param("council", councilId)
                .query((rs, row) -> new org.dphub.councils.VersionedSingleSignOn(councilId, new org.dphub.councils.SingleSignOn(
                        rs.getString("issuer"), rs.getString("client_id"), rs.getString("client_secret_variable"),
                        rs.getString("group_claim"), groups, rs.getBoolean("staff_must_use_council_account")), rs.getLong("version")))
                .optional();
    }

    public List<Council> withSingleSignOn() {
        return jdbc.sql("""
                        SELECT c.* FROM council c JOIN council_single_sign_on s ON s.council_id = c.id ORDER BY c.name""")
                .query(CouncilRepository::council).list();
    }

    public void insertSingleSignOn(long councilId, org.dphub.councils.SingleSignOn s) {
        jdbc.sql("""
                        INSERT INTO council_single_sign_on (council_id, issuer, client_id, client_secret_variable, group_claim,
                            staff_must_use_council_account)
                        VALUES (:council, :issuer, :client, :secret, :claim, :staffOnly)""")
                .param("council", councilId).params(params(s)).update();
        insertGroups(councilId, s);
    }

    /** False when the version is not the one expected (someone changed it first). */
    public boolean updateSingleSignOn(long councilId, org.dphub.councils.SingleSignOn s, long expectedVersion) {
        boolean updated = jdbc.sql("""
                        UPDATE council_single_sign_on SET issuer = :issuer, client_id = :client, client_secret_variable = :secret,
                            group_claim = :claim, staff_must_use_council_account = :staffOnly, version = version + 1, updated_at = now()
                        WHERE council_id = :council AND version = :version""")
                .param("council", councilId).param("version", expectedVersion).params(params(s)).update() == 1;
        if (updated) {
            jdbc.sql("DELETE FROM council_single_sign_on_group WHERE council_id = :council").param("council", councilId).update();
            insertGroups(councilId, s);
        }
        return updated;
    }

    public boolean deleteSingleSignOn(long councilId, long expectedVersion) {
        return jdbc.sql("DELETE FROM council_single_sign_on WHERE council_id = :council AND version = :version")
                .param("council", councilId).param("version", expectedVersion).update() == 1;
    }

    private void insertGroups(long councilId, org.dphub.councils.SingleSignOn s) {
        for (org.dphub.councils.SingleSignOn.GroupRole m : new java.util.LinkedHashSet<>(s.groupRoles())) {
            jdbc.sql("INSERT INTO council_single_sign_on_group (council_id, group_value, role) VALUES (:council, :group, :role)")
                    .param("council", councilId).param("group", m.group()).param("role", m.role().name()).update();
        }
    }

    private static java.util.Map<String, Object> params(org.dphub.councils.SingleSignOn s) {
        return java.util.Map.of("issuer", s.issuer(), "client", s.clientId(), "secret", s.clientSecretVariable(),
                "claim", s.groupClaim(), "staffOnly", s.staffMustUseCouncilAccount());
    }
}
