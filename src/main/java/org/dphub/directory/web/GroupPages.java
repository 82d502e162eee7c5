package org.dphub.directory.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.directory.GroupProposal;
import org.dphub.directory.GroupPurchase;
import org.dphub.directory.GroupPurchaseRefused;
import org.dphub.directory.GroupPurchases;
import org.dphub.directory.GroupSplit;
import org.dphub.people.Citizens;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Buying together, in pages: the list of a person's groups, proposing one, and the group's own
 * page where the organiser invites and confirms, people ask to join, members agree to their share
 * or leave, and staff see their own council's members.
 */
@Controller
class GroupPages {

    /** The proposal form as typed. */
    record ProposalForm(String title, String serviceId, String sessions, String cost, String costPer, String split,
                        String maxMembers) {
    }

    /** What a button on the group page asks for. */
    record GroupActionForm(String action, String citizenId, String memberId, String share, String showName) {
    }

    private final GroupPurchases groups;
    private final Citizens citizens;
    private final MessageSource messages;

    GroupPages(GroupPurchases groups, Citizens citizens, MessageSource messages) {
        this.groups = groups;
        this.citizens = citizens;
        this.messages = messages;
    }

    @GetMapping("/group-purchases")
    String list(SignedInUser user, Model model) {
        model.addAttribute("groups", groups.forUser(user));
        model.addAttribute("mayOrganise", groups.mayOrganise(user));
        model.addAttribute("openToJoin", groups.openToJoin(user));
        return "directory/group-purchases";
    }

    @GetMapping("/group-purchases/new")
    String proposeForm(SignedInUser user, @RequestParam(required = false) String serviceId, Model model, Locale locale) {
        requireOrganiser(user);
        return proposal(model, new ProposalForm("", serviceId, "", "", "TOTAL", "EQUAL", "6"), new FormErrors(messages, locale));
    }

    @PostMapping("/group-purchases/new")
    String propose(SignedInUser user, @ModelAttribute ProposalForm form, Model model, Locale locale) {
        requireOrganiser(user);
        FormErrors errors = new FormErrors(messages, locale);
        GroupProposal proposal = GroupProposal.readPage(errors, groups.today(), form.title(), form.serviceId(), form.sessions(),
                form.cost(), form.costPer(), form.split(), form.maxMembers());
        if (proposal == null) {
            return proposal(model, form, errors);
        }
        try {
            GroupPurchase group = groups.propose(user, proposal);
            return "redirect:/group-purchases/" + group.id();
        } catch (GroupPurchaseRefused refused) {
            reject(errors, refused, "title");
            return proposal(model, form, errors);
        }
    }

    @GetMapping("/group-purchases/{id}")
    String group(SignedInUser user, @PathVariable String id, @RequestParam(required = false) String done, Model model,
                 Locale locale) {
        return page(user, uuid(id), model, new FormErrors(messages, locale), done, null);
    }

    @PostMapping("/group-purchases/{id}")
    String act(SignedInUser user, @PathVariable String id, @ModelAttribute GroupActionForm form, Model model, Locale locale) {
        UUID group = uuid(id);
        FormErrors errors = new FormErrors(messages, locale);
        String action = form.action() == null ? "" : form.action();
        try {
            switch (action) {
                case "invite", "join" -> {
                    Long citizen = number(errors, "citizenId", form.citizenId(), "group.error.citizen");
                    Money share = null;
                    if (form.share() != null && !form.share().isBlank()) {
                        try {
                            share = Money.parsePositive(form.share());
                        } catch (InvalidMoneyException e) {
                            errors.reject("share", "money.error." + e.reason().name().toLowerCase(Locale.ROOT).replace('_', '-'));
                        }
                    }
                    if (!errors.isEmpty()) {
                        return page(user, group, model, errors, null, form);
                    }
                    groups.addMember(user, group, citizen, share, "yes".equals(form.showName()));
                }
                case "consent" -> groups.consent(user, group, memberId(form), "yes".equals(form.showName()));
                case "leave" -> groups.leave(user, group, memberId(form), null);
                case "confirm" -> groups.confirm(user, group);
                case "cancel" -> groups.cancel(user, group);
                default -> throw new NotFound();
            }
        } catch (GroupPurchaseRefused refused) {
            reject(errors, refused, "invite".equals(action) || "join".equals(action) ? "citizenId" : "actions");
            return page(user, group, model, errors, null, form);
        }
        return "redirect:/group-purchases/" + group + "?done=" + action;
    }

    private String page(SignedInUser user, UUID id, Model model, FormErrors errors, String done, GroupActionForm form) {
        GroupPurchases.View view = groups.findToJoin(user, id).orElseThrow(NotFound::new);
        model.addAttribute("view", view);
        model.addAttribute("group", view.group());
        model.addAttribute("member", view.organiser() || !view.members().isEmpty());
        model.addAttribute("actingFor", user.isStaff() ? List.of() : citizens.actingFor(user));
        model.addAttribute("errors", errors);
        model.addAttribute("done", done);
        model.addAttribute("form", form == null ? new GroupActionForm("", "", "", "", "") : form);
        model.addAttribute("setShares", view.group().split() == GroupSplit.SET_SHARES);
        return "directory/group-purchase";
    }

    private String proposal(Model model, ProposalForm form, FormErrors errors) {
        model.addAttribute("form", form);
        model.addAttribute("errors", errors);
        model.addAttribute("services", groups.servicesToBuy());
        return "directory/group-purchase-new";
    }

    private void requireOrganiser(SignedInUser user) {
        if (!groups.mayOrganise(user)) {
            throw new org.springframework.security.access.AccessDeniedException("Only a person with a direct payment, "
                    + "their representative, a provider or a practitioner proposes a group purchase");
        }
    }

    private void reject(FormErrors errors, GroupPurchaseRefused refused, String fallbackField) {
        Object[] args = refused.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof java.time.LocalDate date) {
                args[i] = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", errors.locale()).format(date);
            }
        }
        String field = refused.field() == null || "sharePence".equals(refused.field()) ? fallbackField : refused.field();
        if ("serviceId".equals(field) || "citizenId".equals(field) || "title".equals(field) || "actions".equals(field)
                || "share".equals(field)) {
            errors.reject(field, refused.messageKey(), args);
        } else {
            errors.reject(fallbackField, refused.messageKey(), args);
        }
    }

    private static long memberId(GroupActionForm form) {
        try {
            return Long.parseLong(form.memberId());
        } catch (NumberFormatException | NullPointerException e) {
            throw new NotFound();
        }
    }

    private static Long number(FormErrors errors, String field, String value, String key) {
        try {
            return Long.parseLong(value == null ? "" : value.strip());
        } catch (NumberFormatException e) {
            errors.reject(field, key);
            return null;
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }
}
