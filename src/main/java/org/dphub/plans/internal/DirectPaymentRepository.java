package org.dphub.plans.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.dphub.plans.AccountType;
import org.dphub.plans.DirectPayment;
import org.dphub.plans.DirectPaymentRequest;
import org.dphub.plans.DirectPaymentStatus;
import org.dphub.plans.NecessityDecision;
import org.dphub.plans.Review;
import org.dphub.plans.ReviewReason;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class DirectPaymentRepository {

    /** A direct payment's row with the household members it may pay, in one statement however many rows. */
    private static final String SELECT_DP = """
            SELECT d.*, ARRAY(SELECT p.household_member_id FROM direct_payment_household_payee p
                              WHERE p.direct_payment_id = d.id ORDER BY 1) AS household_payees
            FROM direct_payment d
            """;

    private final JdbcClient jdbc;
    private final Reads reads;

    DirectPaymentRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public long insert(long councilId, long citizenId, DirectPaymentRequest r, String createdBy) {
        return insert(councilId, citizenId, r, createdBy, org.dphub.plans.RecipientKind.ADULT, null);
    }

    public long insert(long councilId, long citizenId, DirectPaymentRequest r, String createdBy,
                       org.dphub.plans.RecipientKind kind, Long continues) {
        long id = jdbc.sql("""
                        INSERT INTO direct_payment (council_id, citizen_id, plan_id, status, has_capacity, representative_id,
                            account_type, requested_on, start_date, created_by, recipient_kind, continues_direct_payment_id)
                        VALUES (:council, :citizen, :plan, 'AWAITING_AGREEMENT', :capacity, :representative, :account,
                            :requested, :start, :by, :kind, :continues)
                        RETURNING id""")
                .param("kind", kind.name()).param("continues", continues)
                .param("council", councilId).param("citizen", citizenId).param("plan", r.planId())
                .param("capacity", r.hasCapacity()).param("representative", r.representativeId())
                .param("account", r.accountType().name()).param("requested", r.requestedOn())
                .param("start", r.startDate()).param("by", createdBy)
                .query(Long.class).single();
        for (Long member : r.paysHouseholdMemberIds()) {
            jdbc.sql("INSERT INTO direct_payment_household_payee (direct_payment_id, household_member_id) VALUES (:dp, :member)")
                    .param("dp", id).param("member", member).update();
        }
        return id;
    }

    public void insertNecessityDecision(long councilId, long directPaymentId, String decidedBy, String reason, LocalDate on) {
        jdbc.sql("""
                        INSERT INTO necessity_decision (council_id, direct_payment_id, decided_by, reason, decided_on)
                        VALUES (:council, :dp, :by, :reason, :on)""")
                .param("council", councilId).param("dp", directPaymentId).param("by", decidedBy)
                .param("reason", reason).param("on", on).update();
    }

    public Optional<NecessityDecision> necessityDecision(long directPaymentId) {
        return jdbc.sql("SELECT * FROM necessity_decision WHERE direct_payment_id = :dp ORDER BY id DESC LIMIT 1")
                .param("dp", directPaymentId)
                .query((rs, row) -> new NecessityDecision(rs.getString("decided_by"), rs.getString("reason"),
                        rs.getObject("decided_on", LocalDate.class)))
                .optional();
    }

    public Optional<DirectPayment> find(long id) {
        return jdbc.sql(SELECT_DP + " WHERE id = :id").param("id", id).query(this::map).optional();
    }

    public List<DirectPayment> forCitizen(long councilId, long citizenId) {
        return reads.get(forCitizenRead(councilId, citizenId));
    }

    private record DirectPaymentsOf(long councilId, long citizenId) {
    }

    public Read<List<DirectPayment>> forCitizenRead(long councilId, long citizenId) {
        return Read.list(new DirectPaymentsOf(councilId, citizenId),
                SELECT_DP + " WHERE council_id = :council AND citizen_id = :citizen ORDER BY id DESC",
                Map.of("council", councilId, "citizen", citizenId), this::map);
    }

    /** Requests whose money has not reached the person yet. */
    /** The people of the council with a direct payment that has not ended (asked for, active or suspended). */
    public List<Long> holders(long councilId) {
        return jdbc.sql("""
                        SELECT DISTINCT citizen_id FROM direct_payment
                        WHERE council_id = :council AND status IN ('AWAITING_AGREEMENT', 'ACTIVE', 'SUSPENDED')""")
                .param("council", councilId).query(Long.class).list();
    }

    public List<DirectPayment> inProgress(long councilId) {
        return jdbc.sql(SELECT_DP + """
                        WHERE council_id = :council AND first_payment_date IS NULL AND status IN ('AWAITING_AGREEMENT', 'ACTIVE')
                        ORDER BY requested_on, id""")
                .param("council", councilId).query(this::map).list();
    }

    /**
     * For the home page's work queue, in one set-based query: {reviews overdue, reviews due by
     * {@code soon}} among the council's active and suspended direct payments (regulation 7: the first
     * review {@code firstMonths} after the start, then {@code intervalMonths} after the last review).
     */
    public long[] reviewCounts(long councilId, LocalDate today, LocalDate soon, int firstMonths, int intervalMonths) {
        return jdbc.sql("""
                        SELECT count(*) FILTER (WHERE due < :today), count(*) FILTER (WHERE due >= :today AND due <= :soon)
                        FROM (SELECT CAST(coalesce((SELECT max(r.reviewed_on) FROM review r WHERE r.direct_payment_id = dp.id)
                                                       + make_interval(months => :interval),
                                                   dp.start_date + make_interval(months => :first)) AS date) AS due
                              FROM direct_payment dp
                              WHERE dp.council_id = :council AND dp.status IN ('ACTIVE', 'SUSPENDED')) d""")
                .param("council", councilId).param("today", today).param("soon", soon)
                .param("first", firstMonths).param("interval", intervalMonths)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    /** {requests in progress, of those waiting more than {@code targetDays} since the person asked}, as {@link #inProgress}. */
    public long[] inProgressCounts(long councilId, LocalDate today, int targetDays) {
        return jdbc.sql("""
                        SELECT count(*), count(*) FILTER (WHERE :today - requested_on > :target) FROM direct_payment
                        WHERE council_id = :council AND first_payment_date IS NULL AND status IN ('AWAITING_AGREEMENT', 'ACTIVE')""")
                .param("council", councilId).param("today", today).param("target", targetDays)
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
    }

    public List<DirectPayment> activeInCouncil(long councilId) {
        return jdbc.sql(SELECT_DP + " WHERE council_id = :council AND status IN ('ACTIVE', 'SUSPENDED') ORDER BY id")
                .param("council", councilId).query(this::map).list();
    }

    /** Moves the status on, if nobody else did first. */
    public boolean agree(long id, DirectPaymentStatus from, DirectPaymentStatus to, Instant at, String by, String method,
                         LocalDate paperSignedOn) {
        return jdbc.sql("""
                        UPDATE direct_payment SET status = :to, agreed_at = :at, agreed_by = :by, agreement_method = :method,
                            paper_signed_on = :paper, version = version + 1
                        WHERE id = :id AND status = :from""")
                .param("to", to.name()).param("at", java.sql.Timestamp.from(at)).param("by", by).param("method", method)
                .param("paper", paperSignedOn).param("id", id).param("from", from.name())
                .update() == 1;
    }

    /** Moves the status on (suspend, resume, end), if nobody else changed it first. */
    public boolean transition(long id, DirectPaymentStatus from, DirectPaymentStatus to) {
        return jdbc.sql("UPDATE direct_payment SET status = :to, version = version + 1 WHERE id = :id AND status = :from")
                .param("to", to.name()).param("id", id).param("from", from.name()).update() == 1;
    }

    /** Ends a direct payment that was never agreed, marked so that no figure counts it as ever in force. */
    public boolean withdraw(long id) {
        return jdbc.sql("""
                        UPDATE direct_payment SET status = 'ENDED', withdrawn = true, version = version + 1
                        WHERE id = :id AND status = 'AWAITING_AGREEMENT'""")
                .param("id", id).update() == 1;
    }

    public void insertStatusChange(long councilId, long id, String event, DirectPaymentStatus from, DirectPaymentStatus to,
                                   LocalDate effectiveOn, String reason, String by) {
        jdbc.sql("""
                        INSERT INTO direct_payment_status_change (council_id, direct_payment_id, event, from_status, to_status,
                            effective_on, reason, changed_by)
                        VALUES (:council, :dp, :event, :from, :to, :on, :reason, :by)""")
                .param("council", councilId).param("dp", id).param("event", event).param("from", from.name())
                .param("to", to.name()).param("on", effectiveOn).param("reason", reason).param("by", by).update();
    }

    /** Direct payments of a plan that are paying or paused (a plan change moves their payments). */
    public List<DirectPayment> liveForPlan(long planId) {
        return jdbc.sql(SELECT_DP + " WHERE plan_id = :plan AND status IN ('ACTIVE', 'SUSPENDED') ORDER BY id")
                .param("plan", planId).query(this::map).list();
    }

    /** Issue 18: the council's children's direct payments that have not ended (the people module has their birthdays). */
    public List<DirectPayment> liveChildPayments(long councilId) {
        return jdbc.sql(SELECT_DP + """
                        WHERE council_id = :council AND recipient_kind = 'CHILD' AND status IN ('AWAITING_AGREEMENT', 'ACTIVE', 'SUSPENDED')
                        ORDER BY id""")
                .param("council", councilId).query(this::map).list();
    }

    /** The adult payment set up to continue a child's payment, if any. */
    public Optional<DirectPayment> continuationOf(long childDirectPaymentId) {
        return jdbc.sql(SELECT_DP + " WHERE continues_direct_payment_id = :id")
                .param("id", childDirectPaymentId).query(this::map).optional();
    }

    /** Sets the first payment date on those without one; returns {id, council id} of each changed. */
    public List<long[]> recordFirstPayments(long[] ids, LocalDate paidOn) {
        Long[] boxed = java.util.Arrays.stream(ids).boxed().toArray(Long[]::new);
        return jdbc.sql("""
                        UPDATE direct_payment SET first_payment_date = :paid, version = version + 1
                        WHERE id = ANY(:ids) AND first_payment_date IS NULL RETURNING id, council_id""")
                .param("paid", paidOn).param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", (Object[]) boxed))
                .query((rs, row) -> new long[] {rs.getLong(1), rs.getLong(2)}).list();
    }

    public boolean recordFirstPayment(long id, LocalDate paidOn) {
        return jdbc.sql("UPDATE direct_payment SET first_payment_date = :paid, version = version + 1 WHERE id = :id AND first_payment_date IS NULL")
                .param("paid", paidOn).param("id", id).update() == 1;
    }

    public long insertReview(long councilId, long directPaymentId, ReviewReason reason, LocalDate on, String working,
                             String notWorking, boolean planToChange, String by) {
        return jdbc.sql("""
                        INSERT INTO review (council_id, direct_payment_id, reason, reviewed_on, working, not_working,
                            plan_to_change, reviewed_by)
                        VALUES (:council, :dp, :reason, :on, :working, :notWorking, :change, :by) RETURNING id""")
                .param("council", councilId).param("dp", directPaymentId).param("reason", reason.name())
                .param("on", on).param("working", working).param("notWorking", notWorking)
                .param("change", planToChange).param("by", by)
                .query(Long.class).single();
    }

    public List<Review> reviews(long directPaymentId) {
        return reads.get(reviewsRead(directPaymentId));
    }

    private record ReviewsOf(long directPaymentId) {
    }

    public Read<List<Review>> reviewsRead(long directPaymentId) {
        return Read.list(new ReviewsOf(directPaymentId), "SELECT * FROM review WHERE direct_payment_id = :dp ORDER BY reviewed_on DESC, id DESC",
                Map.of("dp", directPaymentId), (rs, row) -> new Review(rs.getLong("id"), rs.getLong("direct_payment_id"),
                        ReviewReason.valueOf(rs.getString("reason")), rs.getObject("reviewed_on", LocalDate.class),
                        rs.getString("working"), rs.getString("not_working"), rs.getBoolean("plan_to_change"),
                        rs.getString("reviewed_by")));
    }

    private DirectPayment map(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        List<Long> payees = new java.util.ArrayList<>();
        for (Object payee : (Object[]) rs.getArray("household_payees").getArray()) {
            payees.add(((Number) payee).longValue());
        }
        java.sql.Timestamp agreedAt = rs.getTimestamp("agreed_at");
        return new DirectPayment(id, rs.getLong("council_id"), rs.getLong("citizen_id"), rs.getLong("plan_id"),
                DirectPaymentStatus.valueOf(rs.getString("status")), rs.getBoolean("has_capacity"),
                rs.getObject("representative_id", Long.class), AccountType.valueOf(rs.getString("account_type")),
                rs.getObject("requested_on", LocalDate.class), rs.getObject("start_date", LocalDate.class),
                agreedAt == null ? null : agreedAt.toInstant(), rs.getString("agreed_by"), rs.getString("agreement_method"),
                rs.getObject("paper_signed_on", LocalDate.class), rs.getObject("first_payment_date", LocalDate.class),
                payees, rs.getString("created_by"), org.dphub.plans.RecipientKind.valueOf(rs.getString("recipient_kind")),
                rs.getObject("continues_direct_payment_id", Long.class));
    }
}
