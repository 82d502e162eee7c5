package org.dphub.help.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.dphub.help.HelpKind;
import org.dphub.help.HelpReply;
import org.dphub.help.HelpRequest;
import org.dphub.help.HelpRequests;
import org.dphub.help.HelpQueue;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Requests for help (issue 18): ask, read, reply (the DP team of the request's council, or the
 * asker), assign and close (the DP team). Another council's staff, and anyone else who did not
 * ask, are told "not found"; staff of the council outside its DP team are refused (403).
 */
@RestController
@RequestMapping("/api/v1/help-requests")
@Tag(name = "Help")
class HelpRequestApiController {

    /** Ask: {@code citizenId} names the person it is about (optional for a citizen, a PA or a practitioner). */
    record AskJson(Long citizenId, String kind, String text) {
    }

    record CreatedJson(long id, String status) {
    }

    record TextJson(String text) {
    }

    record AssignJson(Long userId) {
    }

    record CloseJson(String whatWasDone) {
    }

    record ReplyJson(long id, String author, boolean fromTeam, String text, Instant writtenAt) {
        static ReplyJson of(HelpReply r) {
            return new ReplyJson(r.id(), r.authorName(), r.fromTeam(), r.text(), r.writtenAt());
        }
    }

    record RequestJson(long id, Long citizenId, String kind, String status, String text, String askedBy, String askerRole,
                       List<String> outcomes, Long assignedTo, String assignedName, Instant askedAt, Instant firstReplyAt,
                       Integer firstReplyWorkingDays, boolean overdue, Instant closedAt, String whatWasDone,
                       List<ReplyJson> replies) {
        static RequestJson of(HelpRequest r) {
            return new RequestJson(r.id(), r.citizenId(), r.kind().name(), r.status().name(), r.text(), r.askerName(),
                    r.askerRole(), r.outcomes(), r.assignedTo(), r.assignedName(), r.askedAt(), r.firstReplyAt(),
                    r.firstReplyWorkingDays(), r.overdue(), r.closedAt(), r.whatWasDone(),
                    r.replies().stream().map(ReplyJson::of).toList());
        }
    }

    private final HelpRequests requests;
    private final MessageSource messages;

    HelpRequestApiController(HelpRequests requests, MessageSource messages) {
        this.requests = requests;
        this.messages = messages;
    }

    @PostMapping
    @Operation(summary = "Ask the direct payments team for help: kind one of BROKERAGE, EMPLOYER, PAYROLL, PA_PROBLEM, MONEY, OTHER; "
            + "text at most 5,000 characters. It goes to the DP team of the person's council with their plan outcomes attached")
    ResponseEntity<CreatedJson> ask(SignedInUser user, @RequestBody AskJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        HelpKind kind = null;
        if (body.kind() != null && !body.kind().isBlank()) {
            try {
                kind = HelpKind.valueOf(body.kind().strip());
            } catch (IllegalArgumentException e) {
                errors.reject("kind", "help.error.kind");
            }
        }
        if (body.kind() == null || body.kind().isBlank()) {
            errors.reject("kind", "help.error.kind");
        }
        long id = requests.ask(user, body.citizenId(), kind, body.text(), user.preferredLanguage(), errors).orElse(0L);
        errors.throwIfAny();
        return ResponseEntity.created(URI.create("/api/v1/help-requests/" + id)).body(new CreatedJson(id, "OPEN"));
    }

    @GetMapping("/{id}")
    @Operation(summary = "A request for help with its replies and days to the first reply (working days), for the asker and the DP team")
    RequestJson get(SignedInUser user, @PathVariable long id) {
        return requests.find(user, id).map(RequestJson::of).orElseThrow(NotFound::new);
    }

    @GetMapping
    @Operation(summary = "Your own requests for help, newest first; for the DP team, ?show=OPEN|MINE|UNASSIGNED|WAITING|CLOSED lists the queue")
    List<RequestJson> list(SignedInUser user, @RequestParam(required = false) String show) {
        if (show == null) {
            return requests.mine(user).stream().map(RequestJson::of).toList();
        }
        HelpQueue which;
        try {
            which = HelpQueue.valueOf(show.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            new FormErrors(messages, Locale.ENGLISH).reject("show", "help.error.show").throwIfAny();
            return List.of();
        }
        return requests.queue(user, which).stream().map(RequestJson::of).toList();
    }

    @PostMapping("/{id}/replies")
    @Operation(summary = "Reply: the DP team of the request's council (the asker is told by letter), or the asker (it goes back to the team)")
    ResponseEntity<RequestJson> reply(SignedInUser user, @PathVariable long id, @RequestBody TextJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        requests.reply(user, id, body == null ? null : body.text(), errors);
        errors.throwIfAny();
        return ResponseEntity.created(URI.create("/api/v1/help-requests/" + id))
                .body(RequestJson.of(requests.find(user, id).orElseThrow(NotFound::new)));
    }

    @PostMapping("/{id}/assignment")
    @Operation(summary = "Give the request to a member of the DP team (userId; left out: the person's named contact)")
    RequestJson assign(SignedInUser user, @PathVariable long id, @RequestBody(required = false) AssignJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        requests.assign(user, id, body == null ? null : body.userId(), errors);
        errors.throwIfAny();
        return RequestJson.of(requests.find(user, id).orElseThrow(NotFound::new));
    }

    @PostMapping("/{id}/closure")
    @Operation(summary = "Close the request, saying what was done (DP team)")
    RequestJson close(SignedInUser user, @PathVariable long id, @RequestBody CloseJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        requests.close(user, id, body == null ? null : body.whatWasDone(), errors);
        errors.throwIfAny();
        return RequestJson.of(requests.find(user, id).orElseThrow(NotFound::new));
    }
}
