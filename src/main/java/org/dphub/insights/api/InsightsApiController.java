package org.dphub.insights.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.dphub.insights.Ascof3d;
import org.dphub.insights.HowSupportIsTaken;
import org.dphub.insights.Insights;
import org.dphub.insights.InsightsReport;
import org.dphub.insights.MoneyReturned;
import org.dphub.insights.MonitoringEffort;
import org.dphub.insights.OneOffTimes;
import org.dphub.insights.PaPayRates;
import org.dphub.insights.SavingsVsAgency;
import org.dphub.insights.PaMarket;
import org.dphub.insights.Period;
import org.dphub.insights.PeriodInput;
import org.dphub.insights.Reviews;
import org.dphub.insights.TimeToMoney;
import org.dphub.insights.Uptake;
import org.dphub.shared.SignedInUser;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The council's figures over JSON, and its Client Level Data extract as CSV. Council staff only
 * (403 for everyone else); always the signed-in person's own council. Keys for figures not built
 * {@code ascof3d} is left out for a Welsh council.
 */
@RestController
@Tag(name = "Insights")
@PreAuthorize("hasRole('STAFF')")
class InsightsApiController {

    record UptakeMonthJson(String month, long activeDirectPayments, long peopleWithPlan, BigDecimal sharePercent,
                           long newDirectPayments, long endedDirectPayments) {
    }

    record UptakeJson(long activeDirectPayments, long peopleWithPlan, BigDecimal sharePercent, long newDirectPayments,
                      long endedDirectPayments, List<UptakeMonthJson> months) {
        static UptakeJson of(Uptake u) {
            return new UptakeJson(u.activeAtEnd(), u.peopleWithPlanAtEnd(), u.sharePercentAtEnd(), u.newDirectPayments(),
                    u.endedDirectPayments(), u.months().stream().map(m -> new UptakeMonthJson(m.month().toString(),
                    m.activeDirectPayments(), m.peopleWithPlan(), m.sharePercent(), m.newDirectPayments(),
                    m.endedDirectPayments())).toList());
        }
    }

    record TimeMonthJson(String month, long count, BigDecimal medianDays, BigDecimal p90Days, BigDecimal withinTargetPercent) {
    }

    record TimeToMoneyJson(BigDecimal medianDays, BigDecimal p90Days, BigDecimal withinTargetPercent, long count,
                           int targetDays, List<TimeMonthJson> months) {
        static TimeToMoneyJson of(TimeToMoney t) {
            return new TimeToMoneyJson(t.medianDays(), t.p90Days(), t.withinTargetPercent(), t.count(), t.targetDays(),
                    t.months().stream().map(m -> new TimeMonthJson(m.month().toString(), m.count(), m.medianDays(),
                            m.p90Days(), m.withinTargetPercent())).toList());
        }
    }

    record OneOffMonthJson(String month, long count, BigDecimal medianHoursToApproval, BigDecimal p90HoursToApproval) {
    }

    record OneOffsJson(BigDecimal medianHoursToApproval, BigDecimal p90HoursToApproval, long count, List<OneOffMonthJson> months) {
        static OneOffsJson of(OneOffTimes o) {
            return new OneOffsJson(o.medianHoursToApproval(), o.p90HoursToApproval(), o.count(), o.months().stream()
                    .map(m -> new OneOffMonthJson(m.month().toString(), m.count(), m.medianHoursToApproval(),
                            m.p90HoursToApproval())).toList());
        }
    }

    record MeasureJson(long numerator, long denominator, BigDecimal percent) {
        static MeasureJson of(Ascof3d.Measure m) {
            return new MeasureJson(m.numerator(), m.denominator(), m.percent());
        }
    }

    /** Part 2a (direct payments) at the top, as the contract asks; part 1a beside it. */
    record Ascof3dJson(LocalDate asAt, long numerator, long denominator, BigDecimal percent, MeasureJson part1a) {
        static Ascof3dJson of(Ascof3d a) {
            return a == null ? null : new Ascof3dJson(a.asAt(), a.part2a().numerator(), a.part2a().denominator(),
                    a.part2a().percent(), MeasureJson.of(a.part1a()));
        }
    }

    record SavingsMonthJson(String month, BigDecimal hours, long paidPence, long agencyPence, long savingsPence,
                            BigDecimal plannedHours, long plannedSavingsPence) {
    }

    record PlannedSavingsJson(BigDecimal hours, long savingsPence) {
    }

    /** Savings against agency care: payroll hours by month; {@code planned} (outside dphub payroll) is separate, never in the total. */
    record SavingsVsAgencyJson(long totalPence, BigDecimal hours, long paidPence, long agencyPence, long agencyHourlyRatePence,
                               List<SavingsMonthJson> months, PlannedSavingsJson planned) {
        static SavingsVsAgencyJson of(SavingsVsAgency s) {
            return new SavingsVsAgencyJson(s.totalPence(), s.hours(), s.paidPence(), s.agencyPence(), s.agencyHourlyRatePence(),
                    s.months().stream().map(m -> new SavingsMonthJson(m.month().toString(), m.hours(), m.paidPence(),
                            m.agencyPence(), m.savingsPence(), m.plannedHours(), m.plannedSavingsPence())).toList(),
                    new PlannedSavingsJson(s.planned().hours(), s.planned().savingsPence()));
        }
    }

    /** A group of rates: count and percentiles in whole pence, or only {@code suppressed: true} under 5 rates. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RatesJson(String district, Long count, Boolean suppressed, Long p10Pence, Long medianPence, Long p90Pence) {
        static RatesJson of(String district, PaPayRates.Rates r) {
            return new RatesJson(district, r.count(), r.suppressed() ? Boolean.TRUE : null, r.p10Pence(), r.medianPence(),
                    r.p90Pence());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record PaPayRatesJson(LocalDate asAt, RatesJson overall, List<RatesJson> byDistrict, RatesJson national,
                          Long nationalLivingWagePence, long councilPaRatePence) {
        /** PAs with no marketplace profile have no district: shown as this. */
        static final String UNKNOWN = "UNKNOWN";

        static PaPayRatesJson of(PaPayRates p) {
            return new PaPayRatesJson(p.asAt(), RatesJson.of(null, p.overall()), p.byDistrict().stream()
                    .map(d -> RatesJson.of(d.district() == null ? UNKNOWN : d.district(), d.rates())).toList(),
                    RatesJson.of(null, p.national()), p.nationalLivingWagePence(), p.councilPaRatePence());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InsightsJson(String councilCode, LocalDate from, LocalDate to, UptakeJson uptake, TimeToMoneyJson timeToMoney,
                        OneOffsJson oneOffs, Ascof3dJson ascof3d, Long savingsVsAgencyPence,
                        SavingsVsAgencyJson savingsVsAgency, PaPayRatesJson paPayRates,
                        Long unspentReturnedPence, MoneyReturnedJson moneyReturned, VacanciesJson vacancies,
                        MonitoringJson monitoring, ReviewsJson reviews, HowTakenJson howTaken) {
        static InsightsJson of(InsightsReport r) {
            return new InsightsJson(r.council().code(), r.period().from(), r.period().to(), UptakeJson.of(r.uptake()),
                    TimeToMoneyJson.of(r.timeToMoney()), OneOffsJson.of(r.oneOffs()), Ascof3dJson.of(r.ascof3d()),
                    r.savingsVsAgency().totalPence(), SavingsVsAgencyJson.of(r.savingsVsAgency()),
                    PaPayRatesJson.of(r.paPayRates()),
                    r.moneyReturned().recoveredPence(), MoneyReturnedJson.of(r.moneyReturned()), VacanciesJson.of(r.paMarket()),
                    MonitoringJson.of(r.monitoring()), ReviewsJson.of(r.reviews()), HowTakenJson.of(r.howTaken()));
        }
    }

    // money returned, the PA market, monitoring and reviews (issue 16, second part)

    record MoneyReturnedMonthJson(String month, long recoveredPence, long recoveries) {
    }

    record AboveLimitJson(long accounts, long pence, LocalDate asAt, int surplusWeeks) {
    }

    record MoneyReturnedJson(long recoveredPence, long recoveries, List<MoneyReturnedMonthJson> months, AboveLimitJson aboveLimit) {
        static MoneyReturnedJson of(MoneyReturned m) {
            return new MoneyReturnedJson(m.recoveredPence(), m.recoveries(), m.months().stream()
                    .map(x -> new MoneyReturnedMonthJson(x.month().toString(), x.recoveredPence(), x.recoveries())).toList(),
                    new AboveLimitJson(m.aboveLimit().accounts(), m.aboveLimit().pence(), m.aboveLimit().asAt(),
                            m.aboveLimit().surplusWeeks()));
        }
    }

    record VacanciesMonthJson(String month, long opened, long filled, BigDecimal medianDaysToFill, long liveProfiles) {
    }

    record VacanciesJson(long opened, long filled, BigDecimal medianDaysToFill, long liveProfiles, List<VacanciesMonthJson> months) {
        static VacanciesJson of(PaMarket p) {
            return new VacanciesJson(p.opened(), p.filled(), p.medianDaysToFill(), p.liveProfiles(), p.months().stream()
                    .map(m -> new VacanciesMonthJson(m.month().toString(), m.opened(), m.filled(), m.medianDaysToFill(),
                            m.liveProfiles())).toList());
        }
    }

    record OutcomeJson(String outcome, long checks, long minutes) {
    }

    record ReasonJson(String reason, long checks, long minutes) {
    }

    record MonitoringMonthJson(String month, long checks, long minutes, long withFindings) {
    }

    record MonitoringJson(long checks, long minutes, long withFindings, List<OutcomeJson> byOutcome, List<ReasonJson> byReason,
                          List<MonitoringMonthJson> months) {
        static MonitoringJson of(MonitoringEffort e) {
            return new MonitoringJson(e.checks(), e.minutes(), e.withFindings(),
                    e.byOutcome().stream().map(p -> new OutcomeJson(p.name(), p.checks(), p.minutes())).toList(),
                    e.byReason().stream().map(p -> new ReasonJson(p.name(), p.checks(), p.minutes())).toList(),
                    e.months().stream().map(m -> new MonitoringMonthJson(m.month().toString(), m.checks(), m.minutes(),
                            m.withFindings())).toList());
        }
    }

    record ReviewsMonthJson(String month, long due, long done, long doneOnTime, long overdueAtMonthEnd) {
    }

    record ReviewsJson(long due, long done, long doneOnTime, long overdue, BigDecimal onTimePercent, int firstReviewMonths,
                       int reviewIntervalMonths, List<ReviewsMonthJson> months) {
        static ReviewsJson of(Reviews r) {
            return new ReviewsJson(r.due(), r.done(), r.doneOnTime(), r.overdue(), r.onTimePercent(), r.firstReviewMonths(),
                    r.reviewIntervalMonths(), r.months().stream().map(m -> new ReviewsMonthJson(m.month().toString(), m.due(),
                            m.done(), m.doneOnTime(), m.overdueAtMonthEnd())).toList());
        }
    }

    record MechanismJson(String deliveryMechanism, long people, long weeklyPence) {
    }

    record RecipientJson(String recipientKind, long peopleWithPlan, long directPayments, long bankAccounts, long prepaidCards,
                         long managedAccounts) {
    }

    /** How support is taken on the period's last day (issues 16 and 18). */
    record HowTakenJson(LocalDate asAt, long weeklyPence, List<MechanismJson> byMechanism, List<RecipientJson> byRecipient) {
        static HowTakenJson of(HowSupportIsTaken h) {
            return new HowTakenJson(h.asAt(), h.weeklyPence(),
                    h.byMechanism().stream().map(m -> new MechanismJson(m.mechanism(), m.people(), m.weeklyPence())).toList(),
                    h.byRecipient().stream().map(k -> new RecipientJson(k.recipientKind(), k.peopleWithPlan(), k.directPayments(),
                            k.bankAccounts(), k.prepaidCards(), k.managedAccounts())).toList());
        }
    }

    private final Insights insights;
    private final MessageSource messages;
    private final Clock clock;

    InsightsApiController(Insights insights, MessageSource messages, Clock clock) {
        this.insights = insights;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/api/v1/insights")
    @Operation(summary = "The council's figures for a period (default the last 12 months); from and to as YYYY-MM-DD")
    InsightsJson figures(SignedInUser staff, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to) {
        return InsightsJson.of(insights.report(staff, period(from, to)));
    }

    @GetMapping("/api/v1/insights/client-level-data")
    @Operation(summary = "Client Level Data rows (Request, Service, Review) for the period, as CSV to merge into the CLD return")
    void clientLevelData(SignedInUser staff, @RequestParam(required = false) String from,
                         @RequestParam(required = false) String to, HttpServletResponse response) throws IOException {
        if (!Insights.mayExtract(staff)) {
            throw new AccessDeniedException("The Client Level Data extract is for the DP team, finance and administrators");
        }
        if (!insights.inEngland(staff)) {
            // Client Level Data is NHS England's return: a Welsh council has none
            throw new org.dphub.web.NotFound();
        }
        Period period = period(from, to);
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"client-level-data-" + period.from() + "-to-"
                + period.to() + ".csv\"");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer out = response.getWriter();
        insights.writeClientLevelData(staff, period, out);
        out.flush();
    }

    private Period period(String from, String to) {
        org.dphub.web.FormErrors errors = new org.dphub.web.FormErrors(messages, Locale.ENGLISH);
        LocalDate start = errors.isoDate("from", from, false, "insights.label.from");
        LocalDate end = errors.isoDate("to", to, false, "insights.label.to");
        Period period = PeriodInput.read(start, end, LocalDate.now(clock), errors);
        errors.throwIfAny();
        return period;
    }
}
