package org.dphub.employment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.dphub.shared.Money;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every vector of HMRC's National Insurance test data for 2025/26 (all category letters, weekly,
 * fortnightly, four-weekly and monthly), read straight from
 * {@code ../shared/reference/payroll/ni-2025-26}. Employee's and employer's contributions must
 * match to the penny. The four vectors with "Period": 0 are calculated like the rest: Class 1
 * National Insurance for an ordinary employee looks at the period's earnings alone.
 */
class HmrcNationalInsuranceVectorsTest {

    static final Path FILE = Path.of(System.getProperty("dphub.shared.dir", "../shared"), "reference", "payroll", "ni-2025-26",
            "national_insurance_test_data_2025-2026.json");

    final PayrollCalculator calculator = new PayrollCalculator(TaxYears.fromClasspath());

    static Money pence(JsonNode number) {
        return Money.ofPence(new BigDecimal(number.asString()).movePointRight(2).longValueExact());
    }

    static PayFrequency frequency(String hmrc) {
        return switch (hmrc) {
            case "Weekly" -> PayFrequency.WEEKLY;
            case "Fortnightly" -> PayFrequency.FORTNIGHTLY;
            case "FourWeekly" -> PayFrequency.FOUR_WEEKLY;
            case "Monthly" -> PayFrequency.MONTHLY;
            default -> throw new IllegalStateException("Unknown pay frequency " + hmrc);
        };
    }

    @TestFactory
    Stream<DynamicNode> everyVector() throws IOException {
        JsonNode vectors = JsonMapper.builder().build().readTree(Files.readString(FILE));
        assertThat(vectors.size()).as("vectors in " + FILE.toAbsolutePath()).isGreaterThan(0);
        List<DynamicNode> tests = new ArrayList<>();
        Set<String> categories = new TreeSet<>();
        for (JsonNode vector : vectors) {
            assertThat(vector.get("TaxYearEnding").asString()).isEqualTo("Apr5_2026");
            String category = vector.get("NiCategory").asString();
            categories.add(category);
            PayFrequency frequency = frequency(vector.get("PayFrequency").asString());
            Money gross = pence(vector.get("GrossPay"));
            Money employee = pence(vector.get("EmployeeNiContribution"));
            Money employer = pence(vector.get("EmployerNiContribution"));
            Money total = pence(vector.get("TotalNiContribution"));
            String name = vector.get("TestIdentifier").asString() + ": category " + category + ", "
                    + frequency.name().toLowerCase() + " " + gross + " → employee " + employee + ", employer " + employer;
            tests.add(dynamicTest(name, () -> {
                PayrollCalculator.NiContributions ni = calculator.nationalInsurance("2025-26", frequency, category, gross);
                assertThat(ni.employee()).as("employee's contribution").isEqualTo(employee);
                assertThat(ni.employer()).as("employer's contribution").isEqualTo(employer);
                assertThat(ni.employee().plus(ni.employer())).as("total").isEqualTo(total);
            }));
        }
        assertThat(categories).as("every category letter HMRC tests")
                .containsExactlyInAnyOrder("A", "B", "C", "D", "E", "F", "H", "I", "J", "K", "L", "M", "N", "S", "V", "Z");
        return tests.stream();
    }
}
