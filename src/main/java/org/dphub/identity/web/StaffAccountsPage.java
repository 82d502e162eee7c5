package org.dphub.identity.web;

import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.dphub.identity.StaffAccounts;
import org.dphub.identity.StaffMember;
import org.dphub.identity.UserAccounts;
import org.dphub.identity.UsernameTakenException;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A council administrator's list of staff accounts: adding someone who joins (their temporary password
 * shown once), changing a member's roles, and switching off the account of someone who has left (after a
 * page that says what happens), or on again. Under /council/**, so only council
 * administrators reach it; another council's staff, or anyone who is not staff, is 404.
 */
@Controller
class StaffAccountsPage {

    /** The staff roles, in the order the pages offer them. */
    static final List<String> ROLES = Role.STAFF.stream().map(Role::name).toList();

    private final StaffAccounts staff;
    private final UserAccounts accounts;
    private final MessageSource messages;

    StaffAccountsPage(StaffAccounts staff, UserAccounts accounts, MessageSource messages) {
        this.staff = staff;
        this.accounts = accounts;
        this.messages = messages;
    }

    @GetMapping("/council/staff")
    String list(SignedInUser admin, @RequestParam(required = false) Long off, @RequestParam(required = false) Long on,
                @RequestParam(required = false) Long roles, @RequestParam(required = false) Long details, Model model) {
        var members = staff.staff(admin);
        model.addAttribute("staff", members);
        model.addAttribute("me", admin.userId());
        model.addAttribute("offName", name(members, off));
        model.addAttribute("onName", name(members, on));
        model.addAttribute("rolesName", name(members, roles));
        model.addAttribute("rolesSelf", roles != null && roles == admin.userId());
        model.addAttribute("detailsName", name(members, details));
        return "identity/staff-accounts";
    }

    @GetMapping("/council/staff/new")
    String newForm(SignedInUser admin, Model model, Locale locale) {
        return newForm(model, "", "", "", List.of(), new FormErrors(messages, locale));
    }

    @PostMapping("/council/staff/new")
    String add(SignedInUser admin, @RequestParam(defaultValue = "") String displayName, @RequestParam(defaultValue = "") String email,
               @RequestParam(defaultValue = "") String workPhone, @RequestParam(required = false) List<String> roles, Model model,
               Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        String name = StaffInput.name(errors, displayName);
        String address = StaffInput.email(errors, email);
        String phone = StaffInput.phone(errors, workPhone);
        Set<Role> chosen = StaffInput.roles(errors, roles);
        if (errors.isEmpty()) {
            try {
                StaffAccounts.AddedStaff added = staff.add(admin, new StaffAccounts.NewStaffMember(name, address, phone, chosen));
                model.addAttribute("added", added);
                // a finance officer or administrator who signs in with a password also sets up one-time codes
                model.addAttribute("oneTimeCodes", chosen.contains(Role.FINANCE) || chosen.contains(Role.COUNCIL_ADMIN));
                // how long the temporary password works (DPHUB_TEMPORARY_PASSWORD_LIFETIME), in days, or hours when under a day
                long days = accounts.temporaryPasswordLifetime().toDays();
                model.addAttribute("lifetimeKey", days >= 1 ? "staff-accounts.added.lifetime-days" : "staff-accounts.added.lifetime-hours");
                model.addAttribute("lifetime", days >= 1 ? days : accounts.temporaryPasswordLifetime().toHours());
                return "identity/staff-added";
            } catch (UsernameTakenException | org.springframework.dao.DuplicateKeyException taken) {
                errors.reject("email", "staff-accounts.error.email-taken");
            }
        }
        return newForm(model, displayName, email, workPhone, roles == null ? List.of() : roles, errors);
    }

    private String newForm(Model model, String displayName, String email, String workPhone, List<String> roles, FormErrors errors) {
        model.addAttribute("displayName", displayName);
        model.addAttribute("email", email);
        model.addAttribute("workPhone", workPhone);
        model.addAttribute("roles", roles);
        roleOptions(model, errors);
        return "identity/new-staff";
    }

    @GetMapping("/council/staff/{userId}/roles")
    String rolesForm(SignedInUser admin, @PathVariable long userId, Model model, Locale locale) {
        StaffAccounts.StaffAccount member = staff.member(admin, userId);
        return rolesForm(admin, model, member, member.roles().stream().map(Role::name).toList(), new FormErrors(messages, locale));
    }

    @PostMapping("/council/staff/{userId}/roles")
    String changeRoles(SignedInUser admin, @PathVariable long userId, @RequestParam(required = false) List<String> roles, Model model,
                       Locale locale, HttpServletResponse response, RedirectAttributes redirect) {
        StaffAccounts.StaffAccount member = staff.member(admin, userId);
        FormErrors errors = new FormErrors(messages, locale);
        Set<Role> chosen = StaffInput.roles(errors, roles);
        if (!errors.isEmpty()) {
            return rolesForm(admin, model, member, roles == null ? List.of() : roles, errors);
        }
        try {
            staff.changeRoles(admin, userId, chosen);
        } catch (Conflict refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            errors.reject("roles", staff.rolesFromCouncilAccount(admin, member) ? "staff-accounts.roles.error.council-account"
                    : "staff-accounts.roles.error.own-admin");
            return rolesForm(admin, model, member, roles, errors);
        }
        redirect.addAttribute("roles", userId);
        return "redirect:/council/staff";
    }

    private String rolesForm(SignedInUser admin, Model model, StaffAccounts.StaffAccount member, List<String> roles, FormErrors errors) {
        model.addAttribute("member", member);
        model.addAttribute("self", member.userId() == admin.userId());
        model.addAttribute("fromCouncilAccount", staff.rolesFromCouncilAccount(admin, member));
        model.addAttribute("roles", roles);
        roleOptions(model, errors);
        return "identity/staff-roles";
    }

    @GetMapping("/council/staff/{userId}/details")
    String detailsForm(SignedInUser admin, @PathVariable long userId, Model model, Locale locale) {
        StaffAccounts.StaffAccount member = staff.member(admin, userId);
        StaffMember contact = accounts.member(userId).orElseThrow(NotFound::new);
        return detailsForm(model, member, contact.displayName(), contact.workPhone(), contact.workEmail(), new FormErrors(messages, locale));
    }

    @PostMapping("/council/staff/{userId}/details")
    String changeDetails(SignedInUser admin, @PathVariable long userId, @RequestParam(defaultValue = "") String displayName,
                         @RequestParam(defaultValue = "") String workPhone, @RequestParam(defaultValue = "") String workEmail, Model model,
                         Locale locale, RedirectAttributes redirect) {
        StaffAccounts.StaffAccount member = staff.member(admin, userId);
        FormErrors errors = new FormErrors(messages, locale);
        String name = StaffInput.name(errors, displayName);
        String phone = StaffInput.phone(errors, workPhone);
        String email = StaffInput.workEmail(errors, workEmail);
        if (!errors.isEmpty()) {
            return detailsForm(model, member, displayName, workPhone, workEmail, errors);
        }
        staff.changeDetails(admin, userId, name, phone, email);
        redirect.addAttribute("details", userId);
        return "redirect:/council/staff";
    }

    private String detailsForm(Model model, StaffAccounts.StaffAccount member, String displayName, String workPhone, String workEmail,
                               FormErrors errors) {
        model.addAttribute("member", member);
        model.addAttribute("displayName", displayName);
        model.addAttribute("workPhone", workPhone);
        model.addAttribute("workEmail", workEmail);
        model.addAttribute("errors", errors);
        return "identity/staff-details";
    }

    @GetMapping("/council/staff/{userId}/switch-off")
    String confirm(SignedInUser admin, @PathVariable long userId, Model model, Locale locale) {
        StaffAccounts.StaffAccount member = staff.member(admin, userId);
        if (!member.enabled()) {
            return "redirect:/council/staff";
        }
        return confirm(model, member, new FormErrors(messages, locale));
    }

    @PostMapping("/council/staff/{userId}/switch-off")
    String switchOff(SignedInUser admin, @PathVariable long userId, Model model, Locale locale, HttpServletResponse response,
                     RedirectAttributes redirect) {
        StaffAccounts.StaffAccount member = staff.member(admin, userId);
        try {
            staff.switchOff(admin, userId);
        } catch (Conflict refused) {
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            FormErrors errors = new FormErrors(messages, locale);
            errors.reject("switch-off", "staff-accounts.error.self");
            return confirm(model, member, errors);
        }
        redirect.addAttribute("off", userId);
        return "redirect:/council/staff";
    }

    @PostMapping("/council/staff/{userId}/switch-on")
    String switchOn(SignedInUser admin, @PathVariable long userId, RedirectAttributes redirect) {
        staff.switchOn(admin, userId);
        redirect.addAttribute("on", userId);
        return "redirect:/council/staff";
    }

    private String confirm(Model model, StaffAccounts.StaffAccount member, FormErrors errors) {
        model.addAttribute("member", member);
        model.addAttribute("errors", errors);
        return "identity/switch-off-staff";
    }

    /** The roles to choose from, each with a line on what it does. */
    private void roleOptions(Model model, FormErrors errors) {
        model.addAttribute("roleOptions", ROLES);
        model.addAttribute("roleHints", ROLES.stream()
                .map(r -> messages.getMessage("staff-accounts.role-hint." + r, null, errors.locale())).toList());
        model.addAttribute("errors", errors);
    }

    private static String name(java.util.List<StaffAccounts.StaffAccount> members, Long id) {
        return id == null ? null : members.stream().filter(s -> s.userId() == id).map(StaffAccounts.StaffAccount::displayName)
                .findFirst().orElse(null);
    }
}
