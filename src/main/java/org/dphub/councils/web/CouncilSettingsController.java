package org.dphub.councils.web;

import java.util.Locale;
import java.util.Optional;
import org.dphub.councils.ContributionBasis;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilContact;
import org.dphub.councils.CouncilSettings;
import org.dphub.councils.CouncilSettingsRules;
import org.dphub.councils.Nation;
import org.dphub.councils.Councils;
import org.dphub.councils.PaymentFrequency;
import org.dphub.councils.ReturnPeriod;
import org.dphub.councils.SettingsChangedByAnotherUserException;
import org.dphub.councils.VersionedSettings;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A council administrator reads and changes their own council's settings (and no other council's). */
@Controller
@RequestMapping("/council/settings")
class CouncilSettingsController {

    private final Councils councils;
    private final MessageSource messages;
    private final SingleSignOnController singleSignOn;

    CouncilSettingsController(Councils councils, MessageSource messages, SingleSignOnController singleSignOn) {
        this.councils = councils;
        this.messages = messages;
        this.singleSignOn = singleSignOn;
    }

    @GetMapping
    String show(SignedInUser admin, Model model) {
        Council council = council(admin);
        model.addAttribute("council", council);
        model.addAttribute("current", councils.settings(admin.councilId()));
        model.addAttribute("transitionNoticeDays", councils.transitionNoticeDays(admin.councilId()));
        // issue 17: staff single sign-on, changed on a page of its own
        model.addAttribute("sso", councils.singleSignOn(council.id()).map(v -> v.settings()).orElse(null));
        model.addAttribute("ssoSecretPresent", singleSignOn.secretPresent(org.dphub.councils.SingleSignOn.defaultSecretVariable(council.code())));
        return "councils/settings";
    }

    @GetMapping("/edit")
    String edit(SignedInUser admin, Model model) {
        VersionedSettings current = councils.settings(admin.councilId());
        return form(admin, model, EditCouncilSettingsForm.of(current, councils.transitionNoticeDays(admin.councilId())),
                new FormErrors(messages, Locale.ENGLISH));
    }

    @PostMapping("/edit")
    String save(SignedInUser admin, @ModelAttribute EditCouncilSettingsForm form, Model model, Locale locale,
                RedirectAttributes redirect) {
        FormErrors errors = new FormErrors(messages, locale);
        if (form.helpReplyTargetWorkingDays() == null) {
            // a form from before issue 18 (opened before the field was added) keeps the council's target
            form = withHelpTarget(form, councils.settings(admin.councilId()).settings().helpReplyTargetWorkingDays());
        }
        // only an English council sends Client Level Data: a Welsh council's form has no such field
        Optional<CouncilSettings> settings = read(form, errors, council(admin).nation() == Nation.ENGLAND);
        // issue 18: days before a child's 18th birthday the DP team sees them as moving to adult support; a form
        // opened before the field was added keeps the council's number
        Integer noticeDays = form.transitionNoticeDays() == null ? Integer.valueOf(councils.transitionNoticeDays(admin.councilId()))
                : whole(form.transitionNoticeDays(), "transitionNoticeDays", errors);
        if (form.version() == null) {
            errors.reject("selfApprovalLimit", "settings.error.stale");
        }
        if (!errors.isEmpty()) {
            return form(admin, model, form, errors);
        }
        try {
            councils.updateSettings(admin.councilId(), settings.get(), form.version(), noticeDays);
        } catch (SettingsChangedByAnotherUserException e) {
            errors.reject("selfApprovalLimit", "settings.error.stale");
            return form(admin, model, EditCouncilSettingsForm.of(councils.settings(admin.councilId()),
                    councils.transitionNoticeDays(admin.councilId())), errors);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/council/settings";
    }

    private static EditCouncilSettingsForm withHelpTarget(EditCouncilSettingsForm f, int target) {
        return new EditCouncilSettingsForm(f.selfApprovalLimit(), f.receiptsThreshold(), f.returnPeriod(), f.surplusWeeks(),
                f.paymentFrequency(), f.paHourlyRate(), f.agencyHourlyRate(), f.firstReviewMonths(), f.reviewIntervalMonths(),
                f.contributionBasis(), f.targetDaysToMoney(), f.welshLanguage(), f.oneOffMaximum(), f.contactPhone(),
                f.contactEmail(), f.cldLaCode(), Integer.toString(target), f.version(), f.transitionNoticeDays());
    }

    private String form(SignedInUser admin, Model model, EditCouncilSettingsForm form, FormErrors errors) {
        model.addAttribute("council", council(admin));
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("returnPeriods", ReturnPeriod.values());
        model.addAttribute("paymentFrequencies", PaymentFrequency.values());
        model.addAttribute("contributionBases", ContributionBasis.values());
        return "councils/edit-settings";
    }

    private Council council(SignedInUser admin) {
        return councils.findById(admin.councilId()).orElseThrow(NotFound::new);
    }

    /** Reads every field, noting each one that cannot be read; empty if any could not. */
    static Optional<CouncilSettings> read(EditCouncilSettingsForm f, FormErrors errors, boolean england) {
        Money limit = money(f.selfApprovalLimit(), "selfApprovalLimit", errors);
        Money receipts = money(f.receiptsThreshold(), "receiptsThreshold", errors);
        ReturnPeriod returnPeriod = choice(f.returnPeriod(), ReturnPeriod.class, "returnPeriod", errors);
        Integer surplusWeeks = whole(f.surplusWeeks(), "surplusWeeks", errors);
        PaymentFrequency frequency = choice(f.paymentFrequency(), PaymentFrequency.class, "paymentFrequency", errors);
        Money paRate = money(f.paHourlyRate(), "paHourlyRate", errors);
        Money agencyRate = money(f.agencyHourlyRate(), "agencyHourlyRate", errors);
        Integer firstReview = whole(f.firstReviewMonths(), "firstReviewMonths", errors);
        Integer interval = whole(f.reviewIntervalMonths(), "reviewIntervalMonths", errors);
        ContributionBasis basis = choice(f.contributionBasis(), ContributionBasis.class, "contributionBasis", errors);
        Integer targetDays = whole(f.targetDaysToMoney(), "targetDaysToMoney", errors);
        Money oneOffMaximum = money(f.oneOffMaximum(), "oneOffMaximum", errors);
        Integer helpTarget = whole(f.helpReplyTargetWorkingDays(), "helpReplyTargetWorkingDays", errors);
        CouncilSettingsRules.checkLimitWithinMaximum(limit, oneOffMaximum, errors);
        CouncilContact contact = new CouncilContact(text(f.contactPhone(), "contactPhone", errors),
                text(f.contactEmail(), "contactEmail", errors));
        CouncilSettingsRules.checkContact(contact, errors);
        String cldLaCode = england ? cldLaCode(f.cldLaCode(), errors) : null;
        if (!"true".equals(f.welshLanguage()) && !"false".equals(f.welshLanguage())) {
            errors.reject("welshLanguage", "settings.error.welshLanguage.choose");
        }
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CouncilSettings(limit, receipts, returnPeriod, surplusWeeks, frequency, paRate,
                agencyRate, firstReview, interval, basis, targetDays, Boolean.parseBoolean(f.welshLanguage()),
                oneOffMaximum, contact, cldLaCode, helpTarget));
    }

    /** The Client Level Data code as typed, without spaces and in capitals; blank is none. */
    private static String cldLaCode(String value, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String code = value.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        if (code.length() > 20) {
            errors.reject("cldLaCode", "settings.error.cldLaCode");
            return null;
        }
        CouncilSettingsRules.checkCldLaCode(code, errors);
        return code;
    }

    private static Money money(String text, String field, FormErrors errors) {
        try {
            Money money = Money.parseNotNegative(text);
            CouncilSettingsRules.check(field, money, errors);
            return money;
        } catch (InvalidMoneyException e) {
            errors.reject(field, e.messageKey());
            return null;
        }
    }

    /** Free text of a contact detail: at most 254 characters, no mark-up (checked in full by the rules). */
    private static String text(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > 254) {
            errors.reject(field, "settings.error." + field);
            return null;
        }
        return value.strip();
    }

    private static Integer whole(String text, String field, FormErrors errors) {
        if (text == null || !text.strip().matches("\\d{1,4}")) {
            errors.reject(field, "settings.error.whole-number");
            return null;
        }
        int value = Integer.parseInt(text.strip());
        CouncilSettingsRules.check(field, value, errors);
        return value;
    }

    private static <E extends Enum<E>> E choice(String text, Class<E> type, String field, FormErrors errors) {
        try {
            return Enum.valueOf(type, text == null ? "" : text);
        } catch (IllegalArgumentException e) {
            errors.reject(field, "settings.error." + field + ".choose");
            return null;
        }
    }
}
