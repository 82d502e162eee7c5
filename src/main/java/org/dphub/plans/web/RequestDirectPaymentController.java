package org.dphub.plans.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.HouseholdMember;
import org.dphub.people.Representative;
import org.dphub.plans.AccountType;
import org.dphub.plans.CarePlans;
import org.dphub.plans.DirectPayment;
import org.dphub.plans.DirectPaymentRequest;
import org.dphub.plans.DirectPaymentRule;
import org.dphub.plans.DirectPayments;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.RuleRefusal;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A practitioner records a request for a direct payment. The time-to-money clock starts on the
 * day the person asked. Every rule is checked before anything is saved; a broken rule is shown
 * in plain words with what would allow it.
 */
@Controller
@RequestMapping("/citizens/{id}/direct-payments/new")
class RequestDirectPaymentController {

    private final DirectPayments directPayments;
    private final CarePlans plans;
    private final Citizens citizens;
    private final MessageSource messages;

    RequestDirectPaymentController(DirectPayments directPayments, CarePlans plans, Citizens citizens, MessageSource messages) {
        this.directPayments = directPayments;
        this.plans = plans;
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping
    String form(SignedInUser practitioner, @PathVariable long id, Model model, Locale locale) {
        Citizen citizen = citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        return show(practitioner, model, locale, citizen, DirectPaymentForm.empty(), new FormErrors(messages, locale), null);
    }

    @PostMapping
    String request(SignedInUser practitioner, @PathVariable long id, @RequestParam MultiValueMap<String, String> params,
                   Model model, Locale locale) {
        Citizen citizen = citizens.findForPractitioner(practitioner, id).orElseThrow(NotFound::new);
        DirectPaymentForm form = DirectPaymentForm.from(params);
        FormErrors errors = new FormErrors(messages, locale);
        if (form.planId().isBlank()) {
            errors.reject("planId", "dp.error.plan");
        }
        long planId = number(form.planId()).orElse(0L);
        LocalDate requestedOn = errors.date("requestedOn", form.requestedOnDay(), form.requestedOnMonth(),
                form.requestedOnYear(), "dp.label.requestedOn");
        LocalDate startDate = errors.date("startDate", form.startDateDay(), form.startDateMonth(), form.startDateYear(),
                "dp.label.startDate");
        Boolean hasCapacity = yesOrNo(form.hasCapacity(), "hasCapacity", "dp.error.capacity", errors);
        Long representativeId = null;
        if (form.representativeId().isBlank()) {
            errors.reject("representativeId", "dp.error.representative.choose");
        } else if (!DirectPaymentForm.NO_REPRESENTATIVE.equals(form.representativeId())) {
            // an id that is not one of theirs is refused by the service ("dp.error.representative")
            representativeId = number(form.representativeId()).orElse(-1L);
        }
        Boolean excluded = yesOrNo(form.excludedPerson(), "excludedPerson", "dp.error.excluded", errors);
        List<Long> payees = new ArrayList<>();
        for (String payee : form.paysHouseholdMemberIds()) {
            payees.add(number(payee).orElse(-1L));
        }
        AccountType accountType = null;
        try {
            accountType = AccountType.chosenForDirectPayment(form.accountType());
        } catch (IllegalArgumentException e) {
            // left null: the service says "Select where the money will be paid"
        }
        DirectPaymentRequest request = new DirectPaymentRequest(planId, Boolean.TRUE.equals(hasCapacity), representativeId,
                Boolean.TRUE.equals(excluded), payees, form.necessityReason(), accountType, requestedOn, startDate);
        try {
            DirectPayment created = directPayments.request(practitioner, id, request, errors);
            return "redirect:/direct-payments/" + created.id();
        } catch (ValidationProblem problem) {
            return show(practitioner, model, locale, citizen, form, errors, null);
        } catch (RuleRefusal refusal) {
            DirectPaymentRule rule = DirectPaymentRule.valueOf(refusal.rule());
            FormErrors marked = new FormErrors(messages, locale);
            marked.reject(fieldFor(rule), rule.allowKey());
            return show(practitioner, model, locale, citizen, form, marked, refusal);
        }
    }

    /** The field that a broken rule is about, where the error summary link takes the practitioner. */
    static String fieldFor(DirectPaymentRule rule) {
        return switch (rule) {
            case AUTHORISED_PERSON_REQUIRED -> "representativeId";
            case EXCLUDED_PERSON -> "excludedPerson";
            case FAMILY_MEMBER_IN_HOUSEHOLD -> "necessityReason";
            case CHILD_UNDER_18, CARER_ADULT -> "planId";
            case CHILD_PARENTAL_RESPONSIBILITY -> "representativeId";
        };
    }

    private String show(SignedInUser practitioner, Model model, Locale locale, Citizen citizen, DirectPaymentForm form,
                        FormErrors errors, RuleRefusal refusal) {
        DateTimeFormatter dates = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        List<CarePlans.Plan> citizenPlans = plans.plansOf(practitioner, citizen.id());
        List<String> planIds = new ArrayList<>();
        List<String> planLabels = new ArrayList<>();
        for (CarePlans.Plan plan : citizenPlans) {
            planIds.add(Long.toString(plan.id()));
            String label = messages.getMessage("dp.form.plan.option", new Object[] {
                    plan.versions().get(0).startDate().format(dates), plan.inForce().weeklyBudget().formatWithPence()}, locale);
            if (plan.recipientKind() != org.dphub.plans.RecipientKind.ADULT) {
                label = label + " (" + messages.getMessage("plans.kind." + plan.recipientKind().planKind(), null, locale) + ")";
            }
            planLabels.add(label);
        }
        List<Representative> representatives = citizens.representatives(practitioner, citizen.id()).stream()
                .filter(Representative::current).toList();
        List<String> representativeIds = new ArrayList<>();
        List<String> representativeLabels = new ArrayList<>();
        for (Representative r : representatives) {
            representativeIds.add(Long.toString(r.id()));
            representativeLabels.add(messages.getMessage("dp.form.representative.option", new Object[] {r.name(),
                    messages.getMessage("people.representative.kind." + r.kind(), null, locale)}, locale));
        }
        representativeIds.add(DirectPaymentForm.NO_REPRESENTATIVE);
        representativeLabels.add(messages.getMessage("dp.form.representative.none", null, locale));
        List<HouseholdMember> household = citizens.household(practitioner, citizen.id());
        model.addAttribute("citizen", citizen);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("refusal", refusal);
        model.addAttribute("refusalField", refusal == null ? null : fieldFor(DirectPaymentRule.valueOf(refusal.rule())));
        model.addAttribute("planIds", planIds);
        model.addAttribute("planLabels", planLabels);
        model.addAttribute("representativeIds", representativeIds);
        model.addAttribute("representativeLabels", representativeLabels);
        model.addAttribute("householdIds", household.stream().map(m -> Long.toString(m.id())).toList());
        model.addAttribute("householdLabels", household.stream().map(HouseholdMember::name).toList());
        model.addAttribute("householdHints", household.stream().map(m -> messages.getMessage(
                m.livesInSameHousehold() ? "dp.form.household.lives-with" : "dp.form.household.lives-apart",
                new Object[] {messages.getMessage("household.relationship." + m.relationship(), null, locale)}, locale))
                .toList());
        model.addAttribute("accountTypes", AccountType.forDirectPayments());
        return "plans/request-direct-payment";
    }

    private static Boolean yesOrNo(String typed, String field, String key, FormErrors errors) {
        if ("true".equals(typed) || "false".equals(typed)) {
            return Boolean.parseBoolean(typed);
        }
        errors.reject(field, key);
        return null;
    }

    private static java.util.Optional<Long> number(String text) {
        try {
            return java.util.Optional.of(Long.parseLong(text.strip()));
        } catch (NumberFormatException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }
}
