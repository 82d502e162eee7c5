package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dphub.shared.Money;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Every row of every file of HMRC's income tax test data for 2026/27 (v1.1, with the Scottish K
 * code corrections listed in CHANGES-v1.0-to-v1.1.txt), read straight from
 * {@code ../shared/reference/payroll/hmrc-income-tax-2026-27}. Each row is its own test and must
 * match to the penny, both the tax for the period and the tax to date.
 *
 * <p>One row is allowed HMRC's own £0.01 tolerance (the files say "As long as those results differ
 * by no more than £00.01 then this is acceptable"), listed in {@link #HMRC_TOLERANCE} with why.
 */
class HmrcIncomeTaxVectorsTest {

    static final Path FOLDER = Path.of(System.getProperty("dphub.shared.dir", "../shared"), "reference", "payroll",
            "hmrc-income-tax-2026-27");

    /**
     * file:line → why. The exact tax due to date is £506.03000… (S1257L, week 4, £2,439 taxable:
     * 19% of £305.1538…, 20% of £999.1538…, 21% of £1,087.3846…, 42% of £47.3077…, which sums to
     * exactly 506.03); HMRC's spreadsheet gives £506.02, one penny less, most likely from binary
     * floating point just below 506.03 before rounding down. Exact arithmetic is kept rather than
     * imitating that.
     */
    static final Map<String, String> HMRC_TOLERANCE = Map.of(
            "Scottish__Gen_cumul_wkly.csv:8", "exact tax to date is £506.03; HMRC's file has £506.02");

    record Row(String file, int line, String type, Money gross, Money taxablePayToDate, String code, boolean week1Month1,
               int period, Money taxDue, Money taxDueToDate) {

        PayFrequency frequency() {
            String name = file.toLowerCase();
            if (name.contains("mth") || name.contains("month")) {
                return PayFrequency.MONTHLY;
            }
            if (name.contains("wk") || name.contains("week")) {
                return PayFrequency.WEEKLY;
            }
            throw new IllegalStateException("Which frequency is " + file + "?");
        }

        String name() {
            return "line " + line + ": " + frequency().name().toLowerCase() + " period " + period + ", " + code
                    + (week1Month1 ? " week 1/month 1" : " cumulative") + ", gross " + gross + " → tax " + taxDue + ", to date "
                    + taxDueToDate;
        }
    }

    static List<Path> files() throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv")).sorted().toList();
        }
    }

    static List<Row> rows(Path file) throws IOException {
        List<Row> rows = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i).split(",", -1);
            // data rows: a pay type, then the gross pay as a number; headings and HMRC's notes are not
            if (cells.length < 8 || !cells[1].strip().matches("-?\\d+(\\.\\d+)?")) {
                continue;
            }
            rows.add(new Row(file.getFileName().toString(), i + 1, cells[0].strip(), pence(cells[1]), pence(cells[2]),
                    cells[3].strip(), cells[4].strip().equals("WM1"), Integer.parseInt(cells[5].strip()), pence(cells[6]),
                    pence(cells[7])));
        }
        return rows;
    }

    /** The files hold spreadsheet floating point (20.329999999999998); the figure meant is to the penny. */
    static Money pence(String text) {
        return Money.ofPence(new BigDecimal(text.strip()).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact());
    }

    final PayrollCalculator calculator = new PayrollCalculator(TaxYears.fromClasspath());

    @TestFactory
    Stream<DynamicNode> everyRowOfEveryFile() throws IOException {
        List<Path> files = files();
        assertThat(files).as("HMRC's 2026/27 files in " + FOLDER.toAbsolutePath()).hasSize(22);
        List<DynamicNode> containers = new ArrayList<>();
        for (Path file : files) {
            List<Row> rows = rows(file);
            List<DynamicNode> tests = new ArrayList<>();
            tests.add(dynamicTest("the file has rows (" + rows.size() + ")", () -> assertThat(rows).isNotEmpty()));
            for (Row row : rows) {
                tests.add(dynamicTest(row.name(), () -> check(row)));
            }
            containers.add(dynamicContainer(file.getFileName().toString(), tests));
        }
        return containers.stream();
    }

    void check(Row row) {
        Money previousPay = row.week1Month1() ? Money.ZERO : row.taxablePayToDate().minus(row.gross());
        Money previousTax = row.week1Month1() ? Money.ZERO : row.taxDueToDate().minus(row.taxDue());
        PayrollFigures figures = calculator.calculate(new PayrollInput("2026-27", row.frequency(), row.period(), row.code(),
                row.week1Month1(), row.gross(), previousPay, previousTax, "A"));
        String tolerance = HMRC_TOLERANCE.get(row.file() + ":" + row.line());
        if (tolerance == null) {
            assertThat(figures.tax()).as("tax due").isEqualTo(row.taxDue());
            assertThat(figures.taxToDate()).as("tax due to date").isEqualTo(row.taxDueToDate());
        } else {
            assertThat(Math.abs(figures.tax().pence() - row.taxDue().pence())).as("tax due, within HMRC's £0.01: " + tolerance)
                    .isLessThanOrEqualTo(1);
            assertThat(Math.abs(figures.taxToDate().pence() - row.taxDueToDate().pence()))
                    .as("tax due to date, within HMRC's £0.01: " + tolerance).isLessThanOrEqualTo(1);
        }
        if (!row.week1Month1()) {
            assertThat(figures.taxablePayToDate()).as("taxable pay to date").isEqualTo(row.taxablePayToDate());
        }
    }
}
