package org.dphub.insights.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;
import java.util.List;
import org.dphub.councils.Councils;
import org.dphub.insights.Figure.CouncilFacts;
import org.dphub.insights.Period;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The events dphub knows, as rows of NHS England's Adult Social Care Client Level Data return, for
 * the council to merge into its own submission: a {@code Request} for each direct payment asked for
 * in the period, a {@code Service} for each direct payment in force in it (and, at the period's end,
 * each other way the plan's budget is taken), and a {@code Review} for each review done in it.
 * Column names and code values follow the CLD specification; docs/INSIGHTS.md says which values
 * could not be confirmed against release 2. A carer's rows carry Client_Type "Unpaid carer"; children's
 * rows are left out (the return is about adult social care).
 */
@Component
public class ClientLevelDataExtract {

    public static final List<String> COLUMNS = List.of("LA_Code", "LA_Person_Unique_Identifier", "Client_Type",
            "Event_Type", "Event_Reference", "Event_Start_Date", "Event_End_Date", "Service_Type", "Service_Component",
            "Delivery_Mechanism", "Unit_Cost", "Cost_Frequency_Unit_Type", "Review_Reason", "Review_Outcomes_Achieved");

    static final String SERVICE_USER = "Service user";
    /** Release 2's value for a carer (release 1 wrote "Carer"; DHSC's ASCOF code reads both). */
    static final String CARER = "Unpaid carer";

    /**
     * CLD's Client_Type: "Unpaid carer" for a carer's own support plan and direct payment (issue 18),
     * otherwise "Service user". Children's plans and payments are children's services and are not in the
     * extract.
     */
    static String clientType(String recipientKind) {
        return "CARER".equals(recipientKind) ? CARER : SERVICE_USER;
    }
    static final String LONG_TERM_COMMUNITY = "Long term support: Community";

    private final JdbcClient jdbc;
    private final Councils councils;

    ClientLevelDataExtract(JdbcClient jdbc, Councils councils) {
        this.jdbc = jdbc;
        this.councils = councils;
    }

    /**
     * The LA_Code the rows carry: the council's CASSR code from its settings; while none is
     * recorded, its code in dphub, so the rows can still be merged (the page says to set it).
     */
    public String laCode(CouncilFacts council) {
        String code = councils.settings(council.id()).settings().cldLaCode();
        return code == null ? council.code() : code;
    }

    /** Writes the header and every row, streaming; only the council's own people. */
    public void write(CouncilFacts council, Period period, Writer out) {
        String laCode = laCode(council);
        try {
            out.write(String.join(",", COLUMNS) + "\r\n");
            jdbc.sql("""
                            WITH in_force AS (
                                SELECT DISTINCT ON (v.plan_id) v.plan_id, v.citizen_id, v.version_id, v.start_date, v.recipient_kind
                                FROM insights_plan_version v
                                WHERE v.council_id = :council AND v.start_date <= :to AND (v.end_date IS NULL OR v.end_date >= :to)
                                  AND v.recipient_kind <> 'CHILD'
                                ORDER BY v.plan_id, v.version DESC),
                            payments AS (
                                SELECT d.* FROM insights_direct_payment d
                                WHERE d.council_id = :council AND d.active_from <= :to AND (d.ended_on IS NULL OR d.ended_on >= :from)
                                  AND d.recipient_kind <> 'CHILD'),
                            events AS (
                                SELECT d.citizen_id, 'Request' AS event_type, 'DP-' || d.id || '-REQUEST' AS reference,
                                       d.requested_on AS start_date, d.requested_on AS end_date, NULL AS mechanism,
                                       NULL::bigint AS weekly_pence, NULL AS review_reason, 1 AS sort, d.recipient_kind
                                FROM insights_direct_payment d
                                WHERE d.council_id = :council AND d.requested_on BETWEEN :from AND :to AND d.recipient_kind <> 'CHILD'
                                UNION ALL
                                SELECT p.citizen_id, 'Service', 'DP-' || p.id, p.active_from,
                                       CASE WHEN p.ended_on <= :to THEN p.ended_on END, 'DIRECT_PAYMENT',
                                       (SELECT sum(l.weekly_cost_pence)::bigint FROM insights_plan_line l
                                        WHERE l.version_id = (SELECT v.version_id FROM insights_plan_version v
                                                              WHERE v.plan_id = p.plan_id AND v.council_id = :council
                                                                AND v.start_date <= least(coalesce(p.ended_on, :to), :to)
                                                              ORDER BY v.version DESC LIMIT 1)
                                          AND l.delivery_mechanism = 'DIRECT_PAYMENT' AND l.kind <> 'ONE_OFF'),
                                       NULL, 2, p.recipient_kind
                                FROM payments p
                                UNION ALL
                                SELECT f.citizen_id, 'Service', 'PLAN-' || f.plan_id || '-' || l.delivery_mechanism, f.start_date,
                                       NULL, l.delivery_mechanism, sum(l.weekly_cost_pence)::bigint, NULL, 3, f.recipient_kind
                                FROM in_force f JOIN insights_plan_line l ON l.version_id = f.version_id
                                WHERE l.council_id = :council AND l.delivery_mechanism <> 'DIRECT_PAYMENT' AND l.kind <> 'ONE_OFF'
                                GROUP BY f.citizen_id, f.plan_id, l.delivery_mechanism, f.start_date, f.recipient_kind
                                UNION ALL
                                SELECT r.citizen_id, 'Review', 'REVIEW-' || r.id, r.reviewed_on, r.reviewed_on, NULL, NULL,
                                       r.reason, 4, d.recipient_kind
                                FROM insights_review r JOIN insights_direct_payment d ON d.id = r.direct_payment_id
                                WHERE r.council_id = :council AND r.reviewed_on BETWEEN :from AND :to AND d.recipient_kind <> 'CHILD')
                            SELECT p.reference AS person, e.* FROM events e
                            JOIN insights_person p ON p.id = e.citizen_id AND p.council_id = :council
                            ORDER BY p.reference, e.start_date, e.sort, e.reference""")
                    .param("council", council.id()).param("from", period.from()).param("to", period.to())
                    .query(rs -> {
                        String type = rs.getString("event_type");
                        String mechanism = rs.getString("mechanism");
                        Long weekly = rs.getObject("weekly_pence", Long.class);
                        boolean service = "Service".equals(type);
                        List<String> row = List.of(laCode, rs.getString("person"), clientType(rs.getString("recipient_kind")), type,
                                rs.getString("reference"), date(rs.getObject("start_date", LocalDate.class)),
                                date(rs.getObject("end_date", LocalDate.class)),
                                service ? LONG_TERM_COMMUNITY : "",
                                "DIRECT_PAYMENT".equals(mechanism) ? "Direct payment" : "",
                                service ? deliveryMechanism(mechanism) : "",
                                service && weekly != null ? pounds(weekly) : "",
                                service && weekly != null ? "Weekly" : "",
                                "Review".equals(type) ? reviewReason(rs.getString("review_reason")) : "",
                                "");
                        try {
                            out.write(String.join(",", row.stream().map(ClientLevelDataExtract::cell).toList()) + "\r\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** CLD's Delivery_Mechanism list; an individual service fund is reported as a council-managed personal budget. */
    static String deliveryMechanism(String mechanism) {
        return switch (mechanism) {
            case "DIRECT_PAYMENT" -> "Direct payment";
            case "COUNCIL_MANAGED_BUDGET", "INDIVIDUAL_SERVICE_FUND" -> "CASSR managed personal budget";
            case "COUNCIL_COMMISSIONED" -> "CASSR commissioned support";
            default -> "";
        };
    }

    /** CLD's Review_Reason list: a scheduled review is planned; the others dphub records are unplanned. */
    static String reviewReason(String reason) {
        return "SCHEDULED".equals(reason) ? "Planned" : "Unplanned - Other Reason";
    }

    private static String date(LocalDate date) {
        return date == null ? "" : date.toString();
    }

    private static String pounds(long pence) {
        return java.math.BigDecimal.valueOf(pence, 2).toPlainString();
    }

    /** A CSV cell: quoted when needed, and never read as a formula by a spreadsheet. */
    static String cell(String text) {
        String t = text == null ? "" : text;
        if (!t.isEmpty() && "=+-@\t\r".indexOf(t.charAt(0)) >= 0) {
            t = "'" + t;
        }
        return t.matches("(?s).*[\",\\r\\n].*") ? "\"" + t.replace("\"", "\"\"") + "\"" : t;
    }
}
