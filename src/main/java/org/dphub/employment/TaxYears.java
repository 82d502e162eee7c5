package org.dphub.employment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tax years dphub has payroll tables for, read once from the class path:
 * {@code payroll/tax-years/index.txt} lists the years, each in {@code <year>.json}. Every table is
 * checked when it is read, so a broken file stops the application at start-up, not a payroll run.
 */
public final class TaxYears {

    static final String FOLDER = "payroll/tax-years/";

    private final Map<String, TaxYear> years;

    private TaxYears(Map<String, TaxYear> years) {
        this.years = Map.copyOf(years);
    }

    public static TaxYears fromClasspath() {
        JsonMapper json = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
        Map<String, TaxYear> years = new LinkedHashMap<>();
        for (String line : read(FOLDER + "index.txt").split("\n")) {
            String id = line.strip();
            if (id.isEmpty() || id.startsWith("#")) {
                continue;
            }
            TaxYear year = json.readValue(read(FOLDER + id + ".json"), TaxYear.class);
            check(id, year);
            years.put(id, year);
        }
        return new TaxYears(years);
    }

    /** The tables of a tax year such as "2026-27"; {@link UnknownTaxYearException} when there are none. */
    public TaxYear year(String taxYear) {
        TaxYear year = taxYear == null ? null : years.get(taxYear.strip());
        if (year == null) {
            throw new UnknownTaxYearException(taxYear, known());
        }
        return year;
    }

    public boolean has(String taxYear) {
        return taxYear != null && years.containsKey(taxYear.strip());
    }

    public List<String> known() {
        return years.keySet().stream().sorted().toList();
    }

    private static String read(String resource) {
        try (InputStream in = TaxYears.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Missing payroll tables: " + resource + " is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file is whole and consistent: every region, every frequency, every threshold a band names. */
    static void check(String id, TaxYear year) {
        List<String> problems = new ArrayList<>();
        if (!id.equals(year.taxYear())) {
            problems.add("the file says it is tax year " + year.taxYear());
        }
        for (TaxRegion region : TaxRegion.values()) {
            TaxYear.IncomeTaxRates rates = year.incomeTax().get(region);
            if (rates == null || rates.bands().isEmpty()) {
                problems.add("no income tax bands for " + region);
                continue;
            }
            long previous = 0;
            for (int i = 0; i < rates.bands().size(); i++) {
                Long upTo = rates.bands().get(i).upToPounds();
                boolean last = i == rates.bands().size() - 1;
                if (last != (upTo == null)) {
                    problems.add(region + ": only the last income tax band has no upper limit");
                } else if (upTo != null && upTo <= previous) {
                    problems.add(region + ": income tax bands must rise");
                }
                previous = upTo == null ? previous : upTo;
            }
            if (!rates.flatRateCodes().containsKey("BR")) {
                problems.add(region + ": no BR rate");
            }
        }
        TaxYear.NiTables ni = year.nationalInsurance();
        for (PayFrequency frequency : PayFrequency.values()) {
            Map<String, Long> thresholds = ni.thresholdsPounds().get(frequency);
            if (thresholds == null) {
                problems.add("no National Insurance thresholds for " + frequency);
                continue;
            }
            ni.categories().forEach((letter, rates) -> {
                for (TaxYear.NiBand band : concat(rates.employee(), rates.employer())) {
                    if (!thresholds.containsKey(band.from()) || (band.to() != null && !thresholds.containsKey(band.to()))) {
                        problems.add("category " + letter + " names a threshold " + frequency + " does not have");
                    }
                }
            });
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Payroll tables " + FOLDER + id + ".json: " + String.join("; ", problems));
        }
    }

    private static List<TaxYear.NiBand> concat(List<TaxYear.NiBand> a, List<TaxYear.NiBand> b) {
        List<TaxYear.NiBand> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
