package org.dphub.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.dphub.plans.AccountType;
import org.junit.jupiter.api.Test;

/** A demo statement is believable: nothing after today, the council's payment each period, most of it spent, never more. */
class DemoStatementsTest {

    static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

    static List<DemoStatements.Period> weekly(int weeks, long pence) {
        List<DemoStatements.Period> periods = new ArrayList<>();
        LocalDate first = TODAY.minusWeeks(weeks - 1L).minusDays(2);
        for (int i = 0; i < weeks; i++) {
            periods.add(new DemoStatements.Period(first.plusWeeks(i), first.plusWeeks(i + 1L), pence, 75 + i % 26));
        }
        return periods;
    }

    static List<DemoStatements.Period> monthly(int months, long pence) {
        List<DemoStatements.Period> periods = new ArrayList<>();
        LocalDate first = TODAY.minusMonths(months - 1L).minusDays(2);
        for (int i = 0; i < months; i++) {
            periods.add(new DemoStatements.Period(first.plusMonths(i), first.plusMonths(i + 1L), pence, 90));
        }
        return periods;
    }

    @Test
    void eachPeriodBringsTheCouncilsPaymentAndMostOfItIsSpentButNeverMore() {
        for (AccountType type : AccountType.values()) {
            for (boolean payroll : List.of(false, true)) {
                for (long account = 1; account <= 30; account++) {
                    DemoStatements statements = new DemoStatements(account % 2 == 0, account % 4 == 0, "Demo England County Council",
                            account, type, payroll, TODAY);
                    List<DemoStatements.Period> periods = account % 3 == 0 ? monthly(14, 120_000) : weekly(50, 28_000);
                    DemoStatements.Plan plan = new DemoStatements.Plan(account % 2 == 1, 650, account % 5 == 0, 15_000,
                            account % 7 == 0 ? 1_000 : 0);
                    List<DemoStatements.Line> lines = statements.lines(periods, plan);

                    assertThat(lines).allMatch(l -> !l.on().isAfter(TODAY)).allMatch(l -> l.pence() != 0)
                            .allMatch(l -> !l.description().isBlank() && l.description().length() <= 500);
                    assertThat(lines.stream().filter(l -> l.use() == DemoStatements.Use.COUNCIL_PAYMENT)).hasSize(periods.size());
                    long in = lines.stream().filter(l -> l.pence() > 0).mapToLong(DemoStatements.Line::pence).sum();
                    long out = -lines.stream().filter(l -> l.pence() < 0).mapToLong(DemoStatements.Line::pence).sum();
                    assertThat(out).as("never more spent than came in").isLessThanOrEqualTo(in);
                    if (!payroll) {
                        assertThat(out).as("most of it spent (%s, account %d)", type, account).isGreaterThan(in * 6 / 10);
                    } else {
                        assertThat(lines).noneMatch(l -> l.use() == DemoStatements.Use.PA_WAGES)
                                .as("their PA is paid through dphub's payroll")
                                .anyMatch(l -> l.use() == DemoStatements.Use.DAY_CENTRE);
                    }
                    // a person's page stays readable: a year of statements is a few hundred lines at most
                    assertThat(lines).hasSizeLessThan(260);
                }
            }
        }
    }

    @Test
    void filesAreWhatTheReadersTake() {
        List<DemoStatements.Line> lines = List.of(
                new DemoStatements.Line(TODAY.minusDays(2), "Payment in from Demo & Co <Ltd>", 12_345, DemoStatements.Use.COUNCIL_PAYMENT),
                new DemoStatements.Line(TODAY.minusDays(1), "Castle \"Taxis\"", -840, DemoStatements.Use.TAXI));
        assertThat(DemoStatements.camt053(7, TODAY, lines)).contains("<Amt Ccy=\"GBP\">123.45</Amt><CdtDbtInd>CRDT</CdtDbtInd>",
                "<Amt Ccy=\"GBP\">8.40</Amt><CdtDbtInd>DBIT</CdtDbtInd>", "Demo &amp; Co &lt;Ltd&gt;");
        assertThat(DemoStatements.providerCsv(List.of(java.util.Map.entry(7L, lines)), true)).isEqualTo("""
                account,date,description,amount,transaction_id
                DPHUB 7,%s,"Payment in from Demo & Co <Ltd>",123.45,TX-7-1
                DPHUB 7,%s,"Castle ""Taxis\""",-8.40,TX-7-2
                """.formatted(TODAY.minusDays(2), TODAY.minusDays(1)));
    }
}
