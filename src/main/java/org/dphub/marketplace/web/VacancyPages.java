package org.dphub.marketplace.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.EmploymentBasis;
import org.dphub.marketplace.Gender;
import org.dphub.marketplace.Interest;
import org.dphub.marketplace.IntimateCarePolicy;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.Language;
import org.dphub.marketplace.ProfileMatch;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.Vacancies;
import org.dphub.marketplace.Vacancy;
import org.dphub.marketplace.VacancyStatus;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.OneReadOnlyTransaction;
import org.dphub.web.RuleRefusal;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Finding a PA, for the person and those acting for them: vacancies written around outcomes,
 * PAs who match ranked with why, filters and pages, and an invitation.
 */
@Controller
class VacancyPages {

    static final int PAGE = 10;

    private final Vacancies vacancies;
    private final Introductions introductions;
    private final Citizens citizens;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final OneReadOnlyTransaction oneReadOnlyTransaction;

    VacancyPages(Vacancies vacancies, Introductions introductions, Citizens citizens, PostcodeDirectory postcodes,
                 MessageSource messages, OneReadOnlyTransaction oneReadOnlyTransaction) {
        this.vacancies = vacancies;
        this.introductions = introductions;
        this.citizens = citizens;
        this.postcodes = postcodes;
        this.messages = messages;
        this.oneReadOnlyTransaction = oneReadOnlyTransaction;
    }

    record PersonVacancies(Citizen person, List<Vacancy> vacancies) {
    }

    @GetMapping("/my-vacancies")
    String list(SignedInUser user, Model model) {
        List<PersonVacancies> people = new ArrayList<>();
        for (var p : citizens.actingFor(user)) {
            if (vacancies.citizenFor(user, p.citizen().id()).isPresent()) {
                people.add(new PersonVacancies(p.citizen(), vacancies.forCitizen(user, p.citizen().id())));
            }
        }
        model.addAttribute("people", people);
        model.addAttribute("introductions", introductions.forUser(user));
        return "marketplace/my-vacancies";
    }

    @GetMapping("/my-vacancies/new")
    String newForm(SignedInUser user, @RequestParam long citizen, Model model, Locale locale) {
        Citizen person = vacancies.citizenFor(user, citizen).orElseThrow(NotFound::new);
        Form form = new Form("", "", List.of(), "", List.of(), List.of(), List.of(), person.postcode().value(), "10", "", "",
                "", "", "", "ANY");
        return show(person, form, model, new FormErrors(messages, locale));
    }

    @PostMapping("/my-vacancies/new")
    String post(SignedInUser user, @RequestParam long citizen, @RequestParam MultiValueMap<String, String> params, Model model,
                Locale locale) {
        Citizen person = vacancies.citizenFor(user, citizen).orElseThrow(NotFound::new);
        Form form = Form.from(params);
        FormErrors errors = new FormErrors(messages, locale);
        PageInput input = new PageInput(errors, postcodes);
        String title = input.text("title", form.title(), 200, true, "mp.label.title");
        List<String> outcomes = new ArrayList<>();
        for (String line : (form.outcomes() == null ? "" : form.outcomes()).split("\\R")) {
            if (!line.isBlank()) {
                outcomes.add(line.strip());
            }
        }
        String outcomesText = input.text("outcomes", form.outcomes(), 3000, true, "mp.label.outcomes");
        if (outcomesText != null && outcomes.size() > 10) {
            errors.reject("outcomes", "mp.error.too-many-outcomes", 10);
        }
        List<String> interests = input.interests(form.interests(), form.otherInterests());
        Set<Skill> skills = input.skills(form.skills());
        List<String> mustHaves = new ArrayList<>();
        for (String must : form.mustHaves()) {
            try {
                mustHaves.add(Skill.valueOf(must).code());
            } catch (IllegalArgumentException notSkill) {
                try {
                    mustHaves.add(Language.valueOf(must).code());
                } catch (IllegalArgumentException notLanguage) {
                    errors.reject("mustHaves", "mp.error.choose-from-list");
                }
            }
        }
        Gender mustGender = null;
        if (form.mustGender() != null && !form.mustGender().isBlank() && !"ANY".equals(form.mustGender())) {
            mustGender = Gender.parse(form.mustGender()).filter(g -> g != Gender.NON_BINARY).orElse(null);
            if (mustGender == null) {
                errors.reject("mustGender", "mp.error.choose-from-list");
            } else {
                mustHaves.add(mustGender.mustHave());
                if (IntimateCarePolicy.check(skills, mustHaves).isPresent()) {
                    errors.reject("mustGender", "mp.error.gender-only-for-intimate-care");
                }
            }
        }
        List<AvailabilitySlot> slots = input.slots(form.availability(), true);
        Postcode postcode = input.postcode("postcode", form.postcode(), () -> citizens.postcodeExample(person.councilId()));
        Integer km = input.km("maxDistanceKm", form.maxDistanceKm());
        BigDecimal hours = input.hours("hoursPerWeek", form.hoursPerWeek());
        Money rate = input.rate("hourlyRate", form.hourlyRate());
        LocalDate start = errors.date("startDate", form.startDay(), form.startMonth(), form.startYear(), "mp.label.start");
        if (!errors.isEmpty()) {
            return show(person, form, model, errors);
        }
        Vacancies.Posted posted;
        try {
            posted = vacancies.post(user, new Vacancy(0, 0, citizen, title, outcomes, interests, skills, mustHaves, slots, postcode, km,
                    hours, rate, start, VacancyStatus.OPEN, null, null, null, user.username()));
        } catch (RuleRefusal refused) {
            if (IntimateCarePolicy.RULE.equals(refused.rule())) {
                errors.reject("mustGender", "mp.error.gender-only-for-intimate-care");
            } else {
                errors.reject("hourlyRate", "mp.error.national-living-wage", refused.whatWouldAllowIt().replaceAll("[^0-9.£]", ""));
            }
            return show(person, form, model, errors);
        }
        String warned = posted.warnings().isEmpty() ? "" : "&below-council-rate";
        return "redirect:/my-vacancies/" + posted.vacancy().id() + "?posted" + warned;
    }

    private String show(Citizen person, Form form, Model model, FormErrors errors) {
        model.addAttribute("person", person);
        model.addAttribute("form", form);
        model.addAttribute("skills", java.util.Arrays.stream(Skill.values()).map(Enum::name).toList());
        model.addAttribute("interests", java.util.Arrays.stream(Interest.values()).map(Enum::name).toList());
        model.addAttribute("languages", java.util.Arrays.stream(Language.values()).map(Enum::name).toList());
        model.addAttribute("mustHaveOptions", java.util.stream.Stream.concat(java.util.Arrays.stream(Skill.values()).map(Enum::name),
                java.util.Arrays.stream(Language.values()).map(Enum::name)).toList());
        Locale locale = errors.locale();
        model.addAttribute("mustHaveLabels", java.util.stream.Stream.concat(
                java.util.Arrays.stream(Skill.values()).map(s -> messages.getMessage("skill." + s.name(), null, locale)),
                java.util.Arrays.stream(Language.values()).map(l -> messages.getMessage("language." + l.name(), null, locale))).toList());
        model.addAttribute("days", java.time.DayOfWeek.values());
        model.addAttribute("parts", AvailabilitySlot.PartOfDay.values());
        model.addAttribute("mustGenders", List.of("FEMALE", "MALE", "ANY"));
        model.addAttribute("errors", errors);
        return "marketplace/new-vacancy";
    }

    record Form(String title, String outcomes, List<String> interests, String otherInterests, List<String> skills,
                List<String> mustHaves, List<String> availability, String postcode, String maxDistanceKm, String hoursPerWeek,
                String hourlyRate, String startDay, String startMonth, String startYear, String mustGender) {
        static Form from(MultiValueMap<String, String> p) {
            return new Form(p.getFirst("title"), p.getFirst("outcomes"), list(p, "interests"), p.getFirst("otherInterests"),
                    list(p, "skills"), list(p, "mustHaves"), list(p, "availability"), p.getFirst("postcode"), p.getFirst("maxDistanceKm"),
                    p.getFirst("hoursPerWeek"), p.getFirst("hourlyRate"), p.getFirst("startDate-day"), p.getFirst("startDate-month"),
                    p.getFirst("startDate-year"), p.getFirst("mustGender"));
        }

        private static List<String> list(MultiValueMap<String, String> p, String name) {
            List<String> values = p.get(name);
            return values == null ? List.of() : values.stream().limit(100).toList();
        }
    }

    /**
     * The PAs who match, best first, with why. Employed or self-employed chooses among all who match;
     * the other filters narrow the best 100 (a skill they must have, how close, only those who share
     * an interest); pages of 10.
     */
    @GetMapping("/my-vacancies/{id}")
    String matches(SignedInUser user, @PathVariable long id, @RequestParam(defaultValue = "1") int page,
                   @RequestParam(defaultValue = "") String skill, @RequestParam(defaultValue = "") String within,
                   @RequestParam(defaultValue = "false") boolean sharedInterest, @RequestParam(defaultValue = "") String basis,
                   Model model) {
        EmploymentBasis wantedBasis = EmploymentBasis.parse(basis).filter(b -> b != EmploymentBasis.EITHER).orElse(null);
        basis = wantedBasis == null ? "" : wantedBasis.name();
        // the vacancy, its owner and its matches read on one connection in one read-only transaction (bin/bench load),
        // what comes first sent together; the page shows no "contact your council", so the model's lazy values are left unread
        record Read(Vacancy vacancy, List<ProfileMatch> all) {
        }
        Read read = oneReadOnlyTransaction.read(ahead -> vacancies.readAhead(user, id, ahead), () -> {
            Vacancy found = vacancies.find(user, id).orElseThrow(NotFound::new);
            return new Read(found, found.status() == VacancyStatus.OPEN ? vacancies.matches(user, id, 100, 0, wantedBasis) : List.of());
        });
        Vacancy vacancy = read.vacancy();
        List<ProfileMatch> all = read.all();
        String skillCode = "";
        try {
            skillCode = skill.isBlank() ? "" : Skill.valueOf(skill).code();
        } catch (IllegalArgumentException ignored) {
            skill = "";
        }
        Integer withinKm = null;
        try {
            withinKm = within.isBlank() ? null : Integer.valueOf(within);
        } catch (NumberFormatException ignored) {
            within = "";
        }
        final String wantedSkill = skillCode;
        final Integer maxKm = withinKm;
        List<ProfileMatch> filtered = all.stream()
                .filter(m -> wantedSkill.isEmpty() || m.reasons().skillsMet().contains(wantedSkill))
                .filter(m -> maxKm == null || m.distanceKm() <= maxKm)
                .filter(m -> !sharedInterest || !m.reasons().sharedInterests().isEmpty()).toList();
        int pages = Math.max(1, (filtered.size() + PAGE - 1) / PAGE);
        int p = Math.max(1, Math.min(page, pages));
        model.addAttribute("vacancy", vacancy);
        model.addAttribute("matches", filtered.subList((p - 1) * PAGE, Math.min(filtered.size(), p * PAGE)));
        model.addAttribute("total", filtered.size());
        model.addAttribute("page", p);
        model.addAttribute("pages", pages);
        model.addAttribute("skill", skill);
        model.addAttribute("within", within);
        model.addAttribute("sharedInterest", sharedInterest);
        List<String> skillFilter = new ArrayList<>(List.of(""));
        java.util.Arrays.stream(Skill.values()).map(Enum::name).forEach(skillFilter::add);
        model.addAttribute("skillFilter", skillFilter);
        model.addAttribute("basis", basis);
        model.addAttribute("basisFilter", List.of("", "EMPLOYED", "SELF_EMPLOYED"));
        model.addAttribute("query", "&skill=" + skill + "&within=" + within + "&sharedInterest=" + sharedInterest + "&basis=" + basis);
        return "marketplace/vacancy";
    }

    @PostMapping("/my-vacancies/{id}/invitations")
    String invite(SignedInUser user, @PathVariable long id, @RequestParam long profileId) {
        try {
            return "redirect:/introductions/" + introductions.invite(user, id, profileId).id() + "?invited";
        } catch (Conflict already) {
            return "redirect:/my-vacancies/" + id + "?already-invited";
        }
    }
}
