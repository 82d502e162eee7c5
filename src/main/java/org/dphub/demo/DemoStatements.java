package org.dphub.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import org.dphub.plans.AccountType;

/**
 * What a demo account's statement says happened, period by period: the council's payment comes in
 * on its date, and most of it goes out again on what the plan is for — the PA's wages each week,
 * the leisure centre or gym, a day centre, a taxi now and then, equipment once. Plain Java, no
 * database: {@link DemoPaymentHistory} imports the result through the real import path. Nothing is
 * dated after today: money not spent yet stays in the account.
 */
final class DemoStatements {

    /** What a line is, so the demo can say what it was for the way a person would. */
    enum Use {
        COUNCIL_PAYMENT, CONTRIBUTION, REFUND, PA_WAGES, AGENCY, ACTIVITY, DAY_CENTRE, TAXI, EQUIPMENT, FEE
    }

    record Line(LocalDate on, String description, long pence, Use use) {
    }

    /** One period paid by the council: its payment, the share of it spent (75 to 100 per cent) and the next due date. */
    record Period(LocalDate paidOn, LocalDate nextDue, long paymentPence, int sharePercent) {
    }

    /** The person's plan as far as spending goes: which kinds of budget line it has. */
    record Plan(boolean activityLine, long activityWeeklyPence, boolean oneOffLine, long oneOffPence, long contributionWeeklyPence) {
    }

    private static final List<String> PA_NAMES_ENGLAND = List.of("K Jones", "S Patel", "M Evans", "L Brown", "J Taylor", "A Khan");
    private static final List<String> PA_NAMES_WALES = List.of("G Williams", "R Price", "C Hughes", "E Roberts", "D Morgan", "S Jenkins");

    private final boolean wales;
    private final boolean welsh;
    private final String councilName;
    private final long accountId;
    private final AccountType type;
    private final boolean employsThroughDphub;
    private final Random random;
    private final LocalDate today;
    private final String paName;
    private final boolean gym;
    private final boolean dayCentre;

    /**
     * @param employsThroughDphub the person pays their PA through dphub's payroll: their statement has
     *                            an agency's support hours from before, not PA wages, so the payroll is
     *                            not spent twice
     */
    DemoStatements(boolean wales, boolean welsh, String councilName, long accountId, AccountType type,
                   boolean employsThroughDphub, LocalDate today) {
        this.wales = wales;
        this.welsh = welsh;
        this.councilName = councilName;
        this.accountId = accountId;
        this.type = type;
        this.employsThroughDphub = employsThroughDphub;
        this.today = today;
        // its own numbers, so the rest of the demo data does not move when a statement changes
        this.random = new Random(20261203L + accountId * 7919L);
        List<String> names = wales ? PA_NAMES_WALES : PA_NAMES_ENGLAND;
        this.paName = names.get(random.nextInt(names.size()));
        this.gym = random.nextBoolean();
        // the demo citizen goes to a day centre every week, so their page always has spending to explain
        this.dayCentre = random.nextInt(3) == 0 || employsThroughDphub;
    }

    String paName() {
        return paName;
    }

    List<Line> lines(List<Period> periods, Plan plan) {
        List<Line> lines = new ArrayList<>();
        // what is paid monthly (every four weeks or more) piles up in weekly periods: contribution, membership, day centre
        int contributionWeeks = 0;
        int activityWeeks = 0;
        int dayCentreWeeks = 0;
        for (int i = 0; i < periods.size(); i++) {
            Period period = periods.get(i);
            LocalDate from = period.paidOn();
            int weeks = (int) Math.max(1, ChronoUnit.WEEKS.between(from, period.nextDue()));
            add(lines, from, councilPayment(), period.paymentPence(), Use.COUNCIL_PAYMENT);
            long contribution = 0;
            contributionWeeks += weeks;
            if (plan.contributionWeeklyPence() > 0 && contributionWeeks >= 4) {
                contribution = plan.contributionWeeklyPence() * contributionWeeks;
                add(lines, from.plusDays(1), welsh ? "Trosglwyddiad o'm cyfrif fy hun - cyfraniad" : "Transfer from own account - contribution",
                        contribution, Use.CONTRIBUTION);
                contributionWeeks = 0;
            }
            long left = (period.paymentPence() + contribution) * period.sharePercent() / 100;
            if (type == AccountType.MANAGED_ACCOUNT && weeks >= 4) {
                left -= spend(lines, from.plusDays(1), "Community Accounts CIC - account fee", 1250, left, Use.FEE);
            }
            activityWeeks += weeks;
            if (plan.activityLine() && activityWeeks >= 4) {
                left -= spend(lines, from.plusDays(2), activity(), plan.activityWeeklyPence() * activityWeeks, left, Use.ACTIVITY);
                activityWeeks = 0;
            }
            if (plan.oneOffLine() && i == Math.min(1, periods.size() - 1)) {
                left -= spend(lines, from.plusDays(3), "Mobility Aids Direct", Math.min(plan.oneOffPence(), left / 3), left, Use.EQUIPMENT);
            }
            if (random.nextInt(weeks >= 4 ? 2 : 3) == 0) {
                long fare = 840 + random.nextInt(17) * 100L;
                left -= spend(lines, from.plusDays(5), wales ? "Tacsis Alun" : "Castle Taxis", fare, left, Use.TAXI);
                if (i == 0 && random.nextInt(3) == 0) {
                    add(lines, from.plusDays(6), "Refund - " + (wales ? "Tacsis Alun" : "Castle Taxis"), fare, Use.REFUND);
                }
            }
            dayCentreWeeks += weeks;
            if (dayCentre && dayCentreWeeks >= 4) {
                // the centre sends an invoice for the sessions since the last one
                left -= spend(lines, from.plusDays(1), (wales ? "Canolfan Ddydd y Dderwen - " : "Oak Tree Day Centre - ") + dayCentreWeeks
                        + (wales ? " sesiwn" : " sessions"), 3200L * dayCentreWeeks, left / 2, Use.DAY_CENTRE);
                dayCentreWeeks = 0;
            }
            // the rest is support: the PA's wages each week, or (for someone paid through dphub's payroll) an
            // agency's hours before they employed their PA, and nothing more in the last two months
            if (employsThroughDphub) {
                if (period.nextDue().isBefore(today.minusWeeks(8))) {
                    spend(lines, from.plusDays(4), wales ? "Gofal Cartref Alun" : "Riverside Care Agency", left, left, Use.AGENCY);
                }
            } else {
                for (int week = 0; week < weeks; week++) {
                    long wage = week == weeks - 1 ? left : left / (weeks - week);
                    left -= spend(lines, from.plusDays(4 + 7L * week), (welsh ? "Cyflog CP - " : "PA wages - ") + paName, wage, left,
                            Use.PA_WAGES);
                }
            }
        }
        return lines;
    }

    private String councilPayment() {
        return switch (type) {
            case BANK_ACCOUNT -> councilName.toUpperCase(Locale.ROOT) + " DIRECT PAYMENT " + accountId;
            case PREPAID_CARD -> "Card load DPHUB " + accountId;
            case MANAGED_ACCOUNT, INDIVIDUAL_SERVICE_FUND -> "Payment in from " + councilName;
        };
    }

    private String activity() {
        if (gym) {
            return wales ? "Campfa Heini Alun - aelodaeth" : "Fit4All Gym - membership";
        }
        return wales ? "Canolfan Hamdden Alun" : "Riverside Leisure Centre";
    }

    /** Spends up to what is left, on or before today; returns what was spent. */
    private long spend(List<Line> lines, LocalDate on, String description, long pence, long left, Use use) {
        long amount = Math.min(pence, left);
        if (amount <= 0 || on.isAfter(today)) {
            return 0;
        }
        lines.add(new Line(on, description, -amount, use));
        return amount;
    }

    private void add(List<Line> lines, LocalDate on, String description, long pence, Use use) {
        if (pence > 0 && !on.isAfter(today)) {
            lines.add(new Line(on, description, pence, use));
        }
    }

    /**
     * A provider's CSV for many accounts (the generic layout with an account column: the card
     * reference "DPHUB 123" or the account number), with the provider's own ids.
     */
    static String providerCsv(List<Map.Entry<Long, List<Line>>> accounts, boolean cardReferences) {
        StringBuilder csv = new StringBuilder("account,date,description,amount,transaction_id\n");
        for (Map.Entry<Long, List<Line>> account : accounts) {
            int n = 0;
            for (Line line : account.getValue()) {
                csv.append(cardReferences ? "DPHUB " : "").append(account.getKey()).append(',').append(line.on()).append(',').append('"')
                        .append(line.description().replace("\"", "\"\"")).append('"').append(',').append(amount(line.pence()))
                        .append(',').append("TX-").append(account.getKey()).append('-').append(++n).append('\n');
            }
        }
        return csv.toString();
    }

    /** An ISO 20022 camt.053 bank statement, as a bank exports it. */
    static String camt053(long accountId, LocalDate today, List<Line> lines) {
        StringBuilder xml = new StringBuilder("""
                <?xml version="1.0" encoding="UTF-8"?>
                <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
                  <BkToCstmrStmt>
                """);
        xml.append("    <GrpHdr><MsgId>DEMO-").append(accountId).append("</MsgId><CreDtTm>").append(today)
                .append("T07:00:00</CreDtTm></GrpHdr>\n    <Stmt>\n      <Id>").append(accountId).append("</Id>\n");
        int n = 0;
        for (Line line : lines) {
            xml.append("      <Ntry><Amt Ccy=\"GBP\">").append(amount(Math.abs(line.pence()))).append("</Amt><CdtDbtInd>")
                    .append(line.pence() < 0 ? "DBIT" : "CRDT").append("</CdtDbtInd><BookgDt><Dt>").append(line.on())
                    .append("</Dt></BookgDt><AcctSvcrRef>BANK-").append(accountId).append('-').append(++n)
                    .append("</AcctSvcrRef><NtryDtls><TxDtls><RmtInf><Ustrd>").append(xmlText(line.description()))
                    .append("</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>\n");
        }
        return xml.append("    </Stmt>\n  </BkToCstmrStmt>\n</Document>\n").toString();
    }

    static String amount(long pence) {
        long abs = Math.abs(pence);
        return (pence < 0 ? "-" : "") + abs / 100 + "." + "%02d".formatted(abs % 100);
    }

    private static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
