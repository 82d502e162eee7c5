package org.dphub.marketplace.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.dphub.identity.PasswordRules;
import org.dphub.marketplace.AvailabilitySlot;
import org.dphub.marketplace.EmploymentBasis;
import org.dphub.marketplace.Gender;
import org.dphub.marketplace.Interest;
import org.dphub.marketplace.Introductions;
import org.dphub.marketplace.Language;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfileStatus;
import org.dphub.marketplace.PaProfiles;
import org.dphub.marketplace.Skill;
import org.dphub.marketplace.TrainingRecord;
import org.dphub.marketplace.Vacancies;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.PostcodeDirectory;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The PA's side of the register: signing up (no sign-in needed), making and changing a profile,
 * the vacancies that match them with why, and saying they are interested.
 */
@Controller
class PaPages {

    private final PaProfiles profiles;
    private final Vacancies vacancies;
    private final Introductions introductions;
    private final PostcodeDirectory postcodes;
    private final MessageSource messages;
    private final PasswordRules passwordRules;

    PaPages(PaProfiles profiles, Vacancies vacancies, Introductions introductions, PostcodeDirectory postcodes, MessageSource messages,
            PasswordRules passwordRules) {
        this.passwordRules = passwordRules;
        this.profiles = profiles;
        this.vacancies = vacancies;
        this.introductions = introductions;
        this.postcodes = postcodes;
        this.messages = messages;
    }

    // --- signing up

    @GetMapping("/join-as-a-pa")
    String signUpForm(Model model, Locale locale) {
        return signUp(model, "", "", new FormErrors(messages, locale));
    }

    @PostMapping("/join-as-a-pa")
    String signUp(@RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String password,
                  @RequestParam(defaultValue = "") String displayName, HttpServletRequest request, Model model, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        PageInput input = new PageInput(errors, postcodes);
        String address = input.email("email", email, true);
        String name = input.text("displayName", displayName, 100, true, "mp.label.display-name");
        passwordRules.check("password", password, address, errors);
        if (errors.isEmpty()) {
            try {
                profiles.register(address, password, name, request.getRemoteAddr());
                return "redirect:/sign-in?joined";
            } catch (Conflict taken) {
                errors.reject("email", "mp.error.email-taken");
            } catch (PaProfiles.TooManyRegistrations busy) {
                errors.reject("email", "mp.error.too-many-sign-ups");
            }
        }
        return signUp(model, email, displayName, errors);
    }

    private String signUp(Model model, String email, String displayName, FormErrors errors) {
        model.addAttribute("email", email);
        model.addAttribute("displayName", displayName);
        model.addAttribute("errors", errors);
        return "marketplace/join";
    }

    // --- the profile

    @GetMapping("/pa/profile/edit")
    String editForm(SignedInUser pa, Model model, Locale locale) {
        PaProfile own = profiles.ownProfile(pa.userId()).orElse(null);
        Form form = own == null ? Form.empty(pa) : Form.of(own);
        return showEdit(form, own, model, new FormErrors(messages, locale));
    }

    @PostMapping("/pa/profile/edit")
    String save(SignedInUser pa, @RequestParam MultiValueMap<String, String> params, Model model, Locale locale) {
        PaProfile own = profiles.ownProfile(pa.userId()).orElse(null);
        Form form = Form.from(params);
        FormErrors errors = new FormErrors(messages, locale);
        PageInput input = new PageInput(errors, postcodes);
        String name = input.text("displayName", form.displayName(), 100, true, "mp.label.display-name");
        String about = input.text("about", form.about(), 2000, false, "mp.label.about");
        Set<Skill> skills = input.skills(form.skills());
        List<String> interests = input.interests(form.interests(), form.otherInterests());
        Set<Language> languages = input.languages("languages", form.languages());
        List<AvailabilitySlot> slots = input.slots(form.availability(), true);
        Postcode postcode = input.postcode("postcode", form.postcode());
        Integer km = input.km("travelKm", form.travelKm());
        Money rate = input.rate("hourlyRate", form.hourlyRate());
        EmploymentBasis basis = null;
        try {
            basis = EmploymentBasis.valueOf(form.basis());
        } catch (RuntimeException e) {
            errors.reject("basis", "mp.error.basis");
        }
        Gender gender = null;
        if (form.gender() != null && !form.gender().isBlank() && !"NONE".equals(form.gender())) {
            gender = Gender.parse(form.gender()).orElse(null);
            if (gender == null) {
                errors.reject("gender", "mp.error.choose-from-list");
            }
        }
        List<TrainingRecord> training = input.training(form.training(), profiles.today());
        String phone = input.phone("phone", form.phone());
        String email = input.email("contactEmail", form.contactEmail(), true);
        if (!form.codeOfConduct()) {
            errors.reject("codeOfConduct", "mp.error.code-of-conduct");
        }
        if (!errors.isEmpty()) {
            return showEdit(form, own, model, errors);
        }
        PaProfile profile = new PaProfile(own == null ? 0 : own.id(), pa.userId(), own == null ? pa.councilId() : own.registeredCouncilId(),
                name, about, own == null ? "" : own.experience(), postcode, km, rate, basis, skills, new java.util.LinkedHashSet<>(interests),
                languages, slots, form.visible(), own == null ? PaProfileStatus.AWAITING_CHECKS : own.status(), phone, email, true,
                own == null ? PaProfile.Checks.NONE : own.checks(), gender, training);
        if (own == null) {
            profiles.create(pa, profile);
        } else {
            profiles.update(pa, own.id(), profile);
        }
        return "redirect:/pa/profile?saved";
    }

    private String showEdit(Form form, PaProfile own, Model model, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("own", own);
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
        model.addAttribute("genders", List.of("FEMALE", "MALE", "NON_BINARY", "NONE"));
        // the rows up to the last filled in, keeping their numbers (errors name them), and three blank
        // ones to add more (no JavaScript needed), up to the limit
        int filled = 0;
        for (int i = 0; i < form.training().size(); i++) {
            if (!form.training().get(i).isBlank()) {
                filled = i + 1;
            }
        }
        List<TrainingRow> rows = new java.util.ArrayList<>(form.training().subList(0, filled));
        while (rows.size() < Math.min(TrainingRecord.MAX_RECORDS, filled + 3)) {
            rows.add(TrainingRow.BLANK);
        }
        model.addAttribute("trainingRows", rows);
        model.addAttribute("errors", errors);
        return "marketplace/edit-profile";
    }

    /** A training record as typed: the title, the date as a GOV.UK date input, and modules one on each line. */
    record TrainingRow(String title, String day, String month, String year, String modules) {

        static final TrainingRow BLANK = new TrainingRow("", "", "", "", "");

        static TrainingRow of(TrainingRecord t) {
            return new TrainingRow(t.title(), Integer.toString(t.completedOn().getDayOfMonth()),
                    Integer.toString(t.completedOn().getMonthValue()), Integer.toString(t.completedOn().getYear()),
                    String.join("\n", t.modules()));
        }

        boolean isBlank() {
            return java.util.stream.Stream.of(title, day, month, year, modules).allMatch(v -> v == null || v.isBlank());
        }
    }

    /** The profile form as typed: lists are the ticked boxes' values; training rows are numbered from 0. */
    record Form(String displayName, String about, List<String> skills, List<String> interests, String otherInterests,
                List<String> languages, List<String> availability, String postcode, String travelKm, String hourlyRate, String basis,
                boolean visible, String phone, String contactEmail, boolean codeOfConduct, String gender, List<TrainingRow> training) {

        static Form empty(SignedInUser pa) {
            return new Form(pa.displayName(), "", List.of(), List.of(), "", List.of("ENGLISH"), List.of(), "", "10", "", "EITHER",
                    true, "", pa.username(), false, "", List.of());
        }

        static Form of(PaProfile p) {
            Set<String> known = java.util.Arrays.stream(Interest.values()).map(Interest::tag).collect(Collectors.toSet());
            return new Form(p.displayName(), p.about(), p.skills().stream().map(Enum::name).toList(),
                    java.util.Arrays.stream(Interest.values()).filter(i -> p.interests().contains(i.tag())).map(Enum::name).toList(),
                    String.join(", ", p.interests().stream().filter(t -> !known.contains(t)).sorted().toList()),
                    p.languages().stream().map(Enum::name).toList(), p.availability().stream().map(AvailabilitySlot::code).toList(),
                    p.homePostcode().value(), Integer.toString(p.travelKm()), p.hourlyRate().toPlainString(), p.employmentBasis().name(),
                    p.visible(), p.phone() == null ? "" : p.phone(), p.email() == null ? "" : p.email(), p.codeOfConductAccepted(),
                    p.gender() == null ? "NONE" : p.gender().name(), p.training().stream().map(TrainingRow::of).toList());
        }

        static Form from(MultiValueMap<String, String> p) {
            return new Form(p.getFirst("displayName"), p.getFirst("about"), list(p, "skills"), list(p, "interests"),
                    p.getFirst("otherInterests"), list(p, "languages"), list(p, "availability"), p.getFirst("postcode"),
                    p.getFirst("travelKm"), p.getFirst("hourlyRate"), p.getFirst("basis"), "true".equals(p.getFirst("visible")),
                    p.getFirst("phone"), p.getFirst("contactEmail"), "true".equals(p.getFirst("codeOfConduct")), p.getFirst("gender"),
                    trainingRows(p));
        }

        /** Rows training-0-… to training-19-…: the form never has more. */
        private static List<TrainingRow> trainingRows(MultiValueMap<String, String> p) {
            List<TrainingRow> rows = new java.util.ArrayList<>();
            for (int i = 0; i < TrainingRecord.MAX_RECORDS; i++) {
                String base = "training-" + i + "-";
                rows.add(new TrainingRow(p.getFirst(base + "title"), p.getFirst(base + "date-day"), p.getFirst(base + "date-month"),
                        p.getFirst(base + "date-year"), p.getFirst(base + "modules")));
            }
            return rows;
        }

        private static List<String> list(MultiValueMap<String, String> p, String name) {
            List<String> values = p.get(name);
            return values == null ? List.of() : values.stream().limit(100).toList();
        }
    }

    // --- vacancies for the PA

    @GetMapping("/pa/vacancies")
    String vacancies(SignedInUser pa, @RequestParam(defaultValue = "1") int page, Model model) {
        PaProfile own = profiles.ownProfile(pa.userId()).orElse(null);
        int p = Math.max(1, Math.min(page, 50));
        model.addAttribute("own", own);
        model.addAttribute("page", p);
        if (own != null && own.status() == PaProfileStatus.LIVE) {
            var matches = vacancies.matchesForProfile(pa, own.id(), 11, (p - 1) * 10);
            model.addAttribute("matches", matches.stream().limit(10).toList());
            model.addAttribute("more", matches.size() > 10);
        } else {
            model.addAttribute("matches", List.of());
            model.addAttribute("more", false);
        }
        return "marketplace/pa-vacancies";
    }

    @PostMapping("/pa/vacancies/{id}/interest")
    String interested(SignedInUser pa, @PathVariable long id) {
        PaProfile own = profiles.ownProfile(pa.userId()).orElseThrow(org.dphub.web.NotFound::new);
        var introduction = introductions.expressInterest(pa, own.id(), id);
        return "redirect:/introductions/" + introduction.id();
    }
}
