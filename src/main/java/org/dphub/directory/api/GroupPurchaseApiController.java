package org.dphub.directory.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.dphub.directory.GroupMember;
import org.dphub.directory.GroupProposal;
import org.dphub.directory.GroupPurchase;
import org.dphub.directory.GroupPurchaseRefused;
import org.dphub.directory.GroupPurchases;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.JsonInput;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Buying together: group purchases of a directory service, paid from several people's direct payments. */
@RestController
@RequestMapping("/api/v1/group-purchases")
@Tag(name = "Buying together")
class GroupPurchaseApiController {

    record ProposalJson(Object title, Object serviceId, Object sessions, Object totalPence, Object perSessionPence, Object split,
                        Object maxMembers) {
    }

    record CreatedJson(UUID id, String status) {
    }

    record MemberInputJson(Object citizenId, Object sharePence, Boolean showName) {
    }

    record ConsentJson(Boolean showName) {
    }

    /** A member; {@code citizenId} and {@code sharePence} only for those the caller may see in full. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record MemberJson(long memberId, Long citizenId, Long sharePence, String status, String firstName, Long chargedPence,
                      LocalDate firstSession) {
    }

    record SessionJson(LocalDate date, boolean held) {
    }

    record RefundJson(long memberId, long refundPence) {
    }

    record GroupJson(UUID id, String title, String status, UUID serviceId, String serviceName, String organizationName,
                     long totalPence, String split, int maxMembers, Long placePence, List<MemberJson> members,
                     int otherCouncilMembers, List<SessionJson> sessions, List<RefundJson> refunds, String shareRule) {

        static GroupJson of(GroupPurchases.View view) {
            GroupPurchase g = view.group();
            List<MemberJson> members = view.members().stream().map(m -> {
                GroupMember x = m.member();
                return m.full()
                        ? new MemberJson(x.id(), x.citizenId(), x.share().pence(), x.status().name(), x.firstName(),
                                x.charged() == null ? null : x.charged().pence(), x.firstSession())
                        : new MemberJson(x.id(), null, null, x.status().name(), m.shownName().orElse(null), null, null);
            }).toList();
            List<RefundJson> refunds = view.members().stream().filter(GroupPurchases.MemberView::full)
                    .filter(m -> m.member().refund() != null && m.member().refund().isGreaterThan(Money.ZERO))
                    .map(m -> new RefundJson(m.member().id(), m.member().refund().pence())).toList();
            return new GroupJson(g.id(), g.title(), g.status().name(), g.serviceId(), g.serviceName(), g.organizationName(),
                    g.total().pence(), g.split().name(), g.maxMembers(), g.placePrice() == null ? null : g.placePrice().pence(),
                    members, view.hiddenMembers(), g.sessions().stream().map(d -> new SessionJson(d, view.isHeld(d))).toList(),
                    refunds, SHARE_RULE);
        }
    }

    static final String SHARE_RULE = "Equal shares are the total divided by the members in whole pence; the pence left over are "
            + "paid one each by the first members by join order. A share is spread over its sessions the same way, the odd pence "
            + "on the earliest sessions; leaving refunds the later sessions' parts (a session dated today or before has been held).";

    record LeftJson(long memberId, long refundPence) {
    }

    private final GroupPurchases groups;
    private final MessageSource messages;

    GroupPurchaseApiController(GroupPurchases groups, MessageSource messages) {
        this.groups = groups;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Propose a group purchase of a published directory service (a person with a direct payment or their "
            + "representative, a provider, a practitioner). Split EQUAL or SET_SHARES; sessions are future dates.")
    ResponseEntity<CreatedJson> propose(SignedInUser user, @RequestBody ProposalJson body) {
        FormErrors errors = new FormErrors(messages, LocaleContextHolder.getLocale());
        GroupProposal proposal = GroupProposal.readApi(errors, groups.today(), body.title(), body.serviceId(), body.sessions(),
                body.totalPence(), body.perSessionPence(), body.split(), body.maxMembers());
        errors.throwIfAny();
        GroupPurchase group = groups.propose(user, proposal);
        return ResponseEntity.created(URI.create("/api/v1/group-purchases/" + group.id()))
                .body(new CreatedJson(group.id(), group.status().name()));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A group purchase as the caller may see it: members see every member's status and the first names of "
            + "those who chose to be shown; each council's staff see their own members and a count of the others")
    GroupJson get(SignedInUser user, @PathVariable String id) {
        return GroupJson.of(groups.find(user, uuid(id)));
    }

    @PostMapping("/{id}/members")
    @Operation(summary = "Invite a person (the organiser) or ask to join (the person or their representative); "
            + "sharePence is needed when the group is split by SET_SHARES")
    ResponseEntity<MemberJson> add(SignedInUser user, @PathVariable String id, @RequestBody MemberInputJson body) {
        UUID group = uuid(id);
        FormErrors errors = new FormErrors(messages, LocaleContextHolder.getLocale());
        Long citizen = null;
        try {
            citizen = body.citizenId() == null ? null : new java.math.BigDecimal(body.citizenId().toString().strip()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            citizen = null;
        }
        if (citizen == null) {
            errors.reject("citizenId", "group.error.citizen");
        }
        Long share = JsonInput.pence(body.sharePence(), "sharePence", errors);
        errors.throwIfAny();
        GroupMember member = groups.addMember(user, group, citizen, share == null ? null : Money.ofPence(share),
                Boolean.TRUE.equals(body.showName()));
        return ResponseEntity.created(URI.create("/api/v1/group-purchases/" + group + "/members/" + member.id()))
                .body(new MemberJson(member.id(), member.citizenId(), member.share().pence(), member.status().name(),
                        member.firstName(), null, member.firstSession()));
    }

    @PostMapping("/{id}/members/{memberId}/consent")
    @Operation(summary = "The member or their representative agrees to their share and the dates (staff may not)")
    MemberJson consent(SignedInUser user, @PathVariable String id, @PathVariable long memberId,
                       @RequestBody(required = false) ConsentJson body) {
        GroupMember member = groups.consent(user, uuid(id), memberId, body == null ? null : body.showName());
        return new MemberJson(member.id(), member.citizenId(), member.share().pence(), member.status().name(), member.firstName(),
                member.charged() == null ? null : member.charged().pence(), member.firstSession());
    }

    @PostMapping("/{id}/confirmation")
    @Operation(summary = "The organiser confirms: 409 CONSENT_MISSING naming who has not agreed; else each agreed share is "
            + "charged to its member's account (once: confirming again charges nothing twice)")
    GroupJson confirm(SignedInUser user, @PathVariable String id,
                      @RequestHeader(name = "Idempotency-Key", required = false) String requestKey) {
        checkKey(requestKey);
        return GroupJson.of(groups.confirm(user, uuid(id)).view());
    }

    @PostMapping("/{id}/cancellation")
    @Operation(summary = "The organiser calls off a group that is still open; nobody has paid")
    GroupJson cancel(SignedInUser user, @PathVariable String id) {
        groups.cancel(user, uuid(id));
        return GroupJson.of(groups.find(user, uuid(id)));
    }

    @DeleteMapping("/{id}/members/{memberId}")
    @Operation(summary = "A member leaves (or the organiser takes them off): refunded exactly for the sessions not yet held. "
            + "Leaving twice is refused; the same Idempotency-Key again returns the first answer")
    LeftJson leave(SignedInUser user, @PathVariable String id, @PathVariable long memberId,
                   @RequestHeader(name = "Idempotency-Key", required = false) String requestKey) {
        checkKey(requestKey);
        return new LeftJson(memberId, groups.leave(user, uuid(id), memberId, requestKey).pence());
    }

    private void checkKey(String requestKey) {
        if (requestKey != null && (requestKey.isBlank() || requestKey.length() > 100)) {
            FormErrors errors = new FormErrors(messages, LocaleContextHolder.getLocale());
            errors.reject("Idempotency-Key", "recovery.error.key");
            errors.throwIfAny();
        }
    }

    private static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new NotFound();
        }
    }

    /** A refusal as problem+json with its rule, the field it concerns and (CONSENT_MISSING) who has not agreed. */
    @ExceptionHandler(GroupPurchaseRefused.class)
    ResponseEntity<ProblemDetail> refused(GroupPurchaseRefused refused) {
        Object[] args = refused.args();
        for (int i = 0; i < args.length; i++) {
            if (args[i] instanceof LocalDate date) {
                args[i] = java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", LocaleContextHolder.getLocale()).format(date);
            }
        }
        String message = messages.getMessage(refused.messageKey(), args, refused.messageKey(), LocaleContextHolder.getLocale());
        HttpStatus status = HttpStatus.valueOf(refused.status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setTitle(status == HttpStatus.FORBIDDEN ? "Not allowed" : status == HttpStatus.CONFLICT ? "Not now" : "Refused by a rule");
        problem.setProperty("rule", refused.rule());
        if (refused.field() != null) {
            problem.setProperty("errors", List.of(java.util.Map.of("field", refused.field(), "message", message)));
        }
        if (refused.details() instanceof List<?> who) {
            problem.setProperty("notConsented", who);
        } else if (refused.details() != null) {
            problem.setProperty("details", refused.details());
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
