package org.dphub.plans.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.Councils;
import org.dphub.councils.PaymentFrequency;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.BudgetLine;
import org.dphub.plans.BudgetLineKind;
import org.dphub.plans.CarePlans;
import org.dphub.plans.DeliveryMechanism;
import org.dphub.plans.HowNeedsMet;
import org.dphub.plans.NewPlanVersion;
import org.dphub.plans.PlanInput;
import org.dphub.plans.PlanRecipient;
import org.dphub.plans.PlanVersion;
import org.dphub.plans.RecipientKind;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Care and support plans over JSON: money in integer pence. */
@RestController
@Tag(name = "Plans")
class PlanApiController {

    /** An outcome in the person's words; {@code taxonomyTermIds} (optional) tags it with the directory's outcomes and needs. */
    record OutcomeJson(String text, List<String> taxonomyTermIds) {
    }

    /**
     * A budget line. HOURLY: hoursPerWeek and hourlyRatePence (default the council PA rate); WEEKLY: weeklyAmountPence;
     * ONE_OFF: amountPence. deliveryMechanism: DIRECT_PAYMENT (the default), INDIVIDUAL_SERVICE_FUND,
     * COUNCIL_MANAGED_BUDGET or COUNCIL_COMMISSIONED. isfProviderId: for an INDIVIDUAL_SERVICE_FUND line, the id of
     * the organisation in the council's community directory that holds it (required for those lines, issue 18).
     */
    record BudgetLineJson(String description, String kind, Object hoursPerWeek, Object hourlyRatePence,
                          Object weeklyAmountPence, Object amountPence, List<Integer> outcomes, String deliveryMechanism,
                          String isfProviderId) {
    }

    /**
     * A plan or a change to it; an endDate makes the change temporary. On a new plan only: recipientKind
     * ADULT (the default), CARER (with caredForCitizenId, the person cared for) or CHILD (with ehcPlan).
     */
    record PlanRequest(String startDate, String endDate, String eligibleNeeds, String howNeedsMet,
                       List<OutcomeJson> outcomes, List<BudgetLineJson> budgetLines, String paymentFrequency,
                       Object weeklyContributionPence, String contingencyPlan, String changeReason,
                       String recipientKind, Long caredForCitizenId, Boolean ehcPlan, List<ContingencyJson> contingency) {
    }

    /**
     * One contingency arrangement (issue 18): kind BACKUP_PA (name), FAMILY_OR_FRIEND (name, contact),
     * AGENCY (name, contact: its phone) or FIND_COVER (from the PA register); notes optional.
     */
    record ContingencyJson(String kind, String name, String contact, String notes) {
        static ContingencyJson of(org.dphub.plans.ContingencyArrangement a) {
            return new ContingencyJson(a.kind().name(), a.name(), a.contact(), a.notes());
        }
    }

    record LineJson(String description, BudgetLineKind kind, BigDecimal hoursPerWeek, Long hourlyRatePence,
                    Long weeklyAmountPence, Long amountPence, long weeklyCostPence, List<Integer> outcomes,
                    DeliveryMechanism deliveryMechanism, java.util.UUID isfProviderId, String isfProviderName) {
        static LineJson of(BudgetLine l) {
            return new LineJson(l.description(), l.kind(), l.hoursPerWeek(), pence(l.hourlyRate()), pence(l.weeklyAmount()),
                    pence(l.amount()), l.weeklyCost().pence(), l.outcomes(), l.deliveryMechanism(), l.isfProviderId(),
                    l.isfProviderName());
        }
    }

    /** One individual service fund provider's part of the regular payment (issue 18). */
    record ServiceFundJson(java.util.UUID isfProviderId, String isfProviderName, long regularPaymentPence) {
        static List<ServiceFundJson> of(PlanVersion v) {
            return v.paymentSplit().serviceFunds().stream()
                    .map(f -> new ServiceFundJson(f.organizationId(), f.organizationName(), f.regularPaymentPence())).toList();
        }
    }

    record VersionJson(long versionId, int version, LocalDate startDate, LocalDate endDate, boolean temporary,
                       String eligibleNeeds, HowNeedsMet howNeedsMet, PaymentFrequency paymentFrequency,
                       long weeklyContributionPence, String contingencyPlan, String changeReason, List<String> outcomes,
                       List<LineJson> budgetLines, long weeklyBudgetPence, long annualBudgetPence,
                       long regularPaymentPence, long regularPaymentToPersonPence, List<ServiceFundJson> regularPaymentToServiceFunds,
                       long regularPaymentArrangedPence, String createdBy, List<List<java.util.UUID>> outcomeTaxonomyTermIds,
                       List<ContingencyJson> contingency) {
        static VersionJson of(PlanVersion v) {
            return new VersionJson(v.id(), v.version(), v.startDate(), v.endDate(), v.isTemporary(), v.eligibleNeeds(),
                    v.howNeedsMet(), v.paymentFrequency(), v.weeklyContribution().pence(), v.contingencyPlan(),
                    v.changeReason(), v.outcomes(), v.budgetLines().stream().map(LineJson::of).toList(),
                    v.weeklyBudget().pence(), v.annualBudget().pence(), v.regularPayment().pence(),
                    v.paymentSplit().personRegular().pence(), ServiceFundJson.of(v), v.paymentSplit().arrangedRegular().pence(),
                    v.createdBy(), v.outcomeTerms(), v.contingency().stream().map(ContingencyJson::of).toList());
        }
    }

    /** The plan as in force today, with the latest version number and every version. */
    record PlanJson(long id, long citizenId, int version, long versionId, LocalDate startDate, PaymentFrequency paymentFrequency,
                    long weeklyBudgetPence, long annualBudgetPence, long regularPaymentPence, long regularPaymentToPersonPence,
                    List<ServiceFundJson> regularPaymentToServiceFunds, long regularPaymentArrangedPence,
                    long weeklyContributionPence, List<String> outcomes, List<LineJson> budgetLines,
                    int latestVersion, List<VersionJson> versions, List<List<java.util.UUID>> outcomeTaxonomyTermIds,
                    RecipientKind recipientKind, RecipientKind.PlanKind planKind, Long caredForCitizenId, boolean ehcPlan,
                    String contingencyPlan, List<ContingencyJson> contingency) {
        static PlanJson of(CarePlans.Plan plan) {
            return of(plan, true);
        }

        /** {@code staff}: the cared-for person's id is shown to council staff only (each person sees only their own). */
        static PlanJson of(CarePlans.Plan plan, boolean staff) {
            PlanVersion v = plan.inForce();
            return new PlanJson(plan.id(), plan.citizenId(), v.version(), v.id(), v.startDate(), v.paymentFrequency(),
                    v.weeklyBudget().pence(), v.annualBudget().pence(), v.regularPayment().pence(),
                    v.paymentSplit().personRegular().pence(), ServiceFundJson.of(v), v.paymentSplit().arrangedRegular().pence(),
                    v.weeklyContribution().pence(), v.outcomes(), v.budgetLines().stream().map(LineJson::of).toList(),
                    plan.latest().version(), plan.versions().stream().map(VersionJson::of).toList(), v.outcomeTerms(),
                    plan.recipientKind(), plan.recipientKind().planKind(),
                    staff ? plan.recipient().caredForCitizenId() : null, plan.recipient().ehcPlan(),
                    v.contingencyPlan(), v.contingency().stream().map(ContingencyJson::of).toList());
        }
    }

    private final CarePlans plans;
    private final Citizens citizens;
    private final Councils councils;
    private final MessageSource messages;
    private final List<org.dphub.plans.OutcomeDirectory> directory;

    PlanApiController(CarePlans plans, Citizens citizens, Councils councils, MessageSource messages,
                      List<org.dphub.plans.OutcomeDirectory> directory) {
        this.directory = directory;
        this.plans = plans;
        this.citizens = citizens;
        this.councils = councils;
        this.messages = messages;
    }

    @PostMapping("/api/v1/citizens/{citizenId}/plans")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Write a care and support plan; the budget is computed and returned. regularPaymentPence is the whole "
            + "personal budget's regular payment (issue 3's rule); regularPaymentToPersonPence, regularPaymentToServiceFunds and "
            + "regularPaymentArrangedPence say who is paid it (issue 18) and add up to it")
    ResponseEntity<PlanJson> create(SignedInUser practitioner, @PathVariable long citizenId, @RequestBody PlanRequest body) {
        Citizen citizen = citizens.findForPractitioner(practitioner, citizenId).orElseThrow(NotFound::new);
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        RecipientKind kind = RecipientKind.ADULT;
        if (body.recipientKind() != null) {
            try {
                kind = RecipientKind.valueOf(body.recipientKind().strip());
            } catch (IllegalArgumentException e) {
                errors.reject("recipientKind", "plans.error.choose.RecipientKind");
            }
        }
        errors.throwIfAny();
        NewPlanVersion plan = read(body, councils.settings(citizen.councilId()).settings(), false);
        CarePlans.Plan created = plans.create(practitioner, citizenId, plan,
                new PlanRecipient(kind, body.caredForCitizenId(), Boolean.TRUE.equals(body.ehcPlan())), errors);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + created.id())).body(PlanJson.of(created));
    }

    @PostMapping("/api/v1/plans/{planId}/versions")
    @PreAuthorize("hasRole('PRACTITIONER')")
    @Operation(summary = "Change a plan: a new version; with endDate the change is temporary and falls back by itself")
    ResponseEntity<PlanJson> change(SignedInUser practitioner, @PathVariable long planId, @RequestBody PlanRequest body) {
        CarePlans.Plan plan = plans.find(practitioner, planId).orElseThrow(NotFound::new);
        NewPlanVersion version = read(body, councils.settings(plan.councilId()).settings(), body.endDate() != null);
        CarePlans.Plan changed = plans.change(practitioner, planId, version);
        return ResponseEntity.created(URI.create("/api/v1/plans/" + planId)).body(PlanJson.of(changed));
    }

    @GetMapping("/api/v1/plans/{planId}")
    @Operation(summary = "A plan as in force today, with every version. regularPaymentPence is the whole personal budget's regular "
            + "payment; of it, regularPaymentToPersonPence is paid to the person as a direct payment, each of "
            + "regularPaymentToServiceFunds to an individual service fund provider, and regularPaymentArrangedPence pays for support "
            + "the council arranges (paid to nobody)")
    PlanJson get(SignedInUser user, @PathVariable long planId) {
        return plans.find(user, planId).map(p -> PlanJson.of(p, user.isStaff())).orElseThrow(NotFound::new);
    }

    @GetMapping("/api/v1/citizens/{citizenId}/plans")
    @Operation(summary = "A citizen's plans")
    List<PlanJson> ofCitizen(SignedInUser user, @PathVariable long citizenId) {
        return plans.plansOf(user, citizenId).stream().map(p -> PlanJson.of(p, user.isStaff())).toList();
    }

    private NewPlanVersion read(PlanRequest body, CouncilSettings settings, boolean temporary) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        LocalDate start = errors.isoDate("startDate", body.startDate(), true, "plans.label.startDate");
        LocalDate end = errors.isoDate("endDate", body.endDate(), false, "plans.label.endDate");
        List<String> outcomes = body.outcomes() == null ? List.of()
                : body.outcomes().stream().map(o -> o == null ? null : o.text()).toList();
        List<List<String>> outcomeTerms = body.outcomes() == null ? List.of()
                : body.outcomes().stream().map(o -> o == null || o.taxonomyTermIds() == null ? List.<String>of() : o.taxonomyTermIds()).toList();
        List<PlanInput.TypedLine> lines = new ArrayList<>();
        List<BudgetLineJson> typed = body.budgetLines() == null ? List.of() : body.budgetLines();
        for (int i = 0; i < typed.size(); i++) {
            BudgetLineJson line = typed.get(i);
            if (line == null) {
                continue;
            }
            String field = "budgetLines[" + i + "]";
            lines.add(new PlanInput.TypedLine(line.description(), line.kind(),
                    JsonInput.decimal(line.hoursPerWeek(), field + ".hoursPerWeek", errors),
                    asPence(line.hourlyRatePence(), field + ".hourlyRatePence", errors),
                    asPence(line.weeklyAmountPence(), field + ".weeklyAmountPence", errors),
                    asPence(line.amountPence(), field + ".amountPence", errors),
                    line.outcomes() == null ? null : line.outcomes().stream().map(String::valueOf).collect(Collectors.joining(",")),
                    line.deliveryMechanism(), line.isfProviderId()));
        }
        String frequency = body.paymentFrequency() == null ? settings.paymentFrequency().name() : body.paymentFrequency();
        String contribution = asPence(body.weeklyContributionPence(), "weeklyContributionPence", errors);
        NewPlanVersion plan = PlanInput.read(new PlanInput.Typed(start, end, temporary, body.eligibleNeeds(),
                body.howNeedsMet(), frequency, contribution, body.contingencyPlan(), body.changeReason(), outcomes, lines,
                outcomeTerms, body.contingency() == null ? null : body.contingency().stream()
                        .map(c -> c == null ? null : new PlanInput.TypedArrangement(c.kind(), c.name(), c.contact(), c.notes())).toList()),
                settings.paHourlyRate(), errors, directory.isEmpty() ? java.util.Set.of() : directory.get(0).termIds());
        errors.throwIfAny();
        return plan;
    }

    /** Pence from JSON as the "pence:" text PlanInput reads; null when absent. */
    private static String asPence(Object value, String field, FormErrors errors) {
        Long pence = JsonInput.pence(value, field, errors);
        return pence == null ? null : "pence:" + pence;
    }

    private static Long pence(Money money) {
        return money == null ? null : money.pence();
    }

}
