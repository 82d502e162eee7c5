package org.dphub.feedback.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.net.URI;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.dphub.feedback.AnswerInput;
import org.dphub.feedback.Feedback;
import org.dphub.feedback.Results;
import org.dphub.feedback.RoleKind;
import org.dphub.feedback.Round;
import org.dphub.feedback.RoundInput;
import org.dphub.feedback.Stage;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Feedback survey rounds over JSON: council staff list rounds and read results (always their own
 * council's: another council's round is 404); the DP team and council administrators start rounds;
 * an invited person answers once. Bad input is 422 with {@code errors: [{field, message}]} and
 * nothing saved.
 */
@RestController
@Tag(name = "Feedback")
class FeedbackApiController {

    record RoundJson(long id, String title, String titleCy, String opensOn, String closesOn, List<String> invited, String state,
                     Long answers, Integer lettersWritten) {
        static RoundJson of(Round r, Long answers, java.time.LocalDate today) {
            return new RoundJson(r.id(), r.title(), r.titleCy(), r.opensOn().toString(), r.closesOn().toString(),
                    r.invited().stream().sorted().map(RoleKind::name).toList(), r.state(today).name(), answers, r.lettersWritten());
        }
    }

    record NewRoundJson(String title, String titleCy, String opensOn, String closesOn, List<String> invited) {
    }

    record StageJson(String stage, Object rating, String working, String notWorking) {
    }

    record AnswerJson(Object anonymous, List<StageJson> stages) {
    }

    record AnsweredJson(long round, boolean anonymous, String roleKind) {
    }

    record StageFigureJson(String stage, long answers, long rated, BigDecimal averageRating) {
    }

    record QuarterJson(String quarter, String stage, long rated, BigDecimal averageRating) {
    }

    record CommentJson(String stage, String about, String text, String roleKind, String quarter) {
    }

    record ResultsJson(RoundJson round, long answers, long anonymous, Map<String, Long> byRole, List<StageFigureJson> stages,
                       List<QuarterJson> quarters, List<CommentJson> comments) {
    }

    private final Feedback feedback;
    private final MessageSource messages;

    FeedbackApiController(Feedback feedback, MessageSource messages) {
        this.feedback = feedback;
        this.messages = messages;
    }

    @GetMapping("/api/v1/feedback/rounds")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "The council's survey rounds, newest first, with how many answered each (council staff)")
    List<RoundJson> rounds(SignedInUser staff) {
        return feedback.rounds(staff).stream().map(l -> RoundJson.of(l.round(), l.answers(), feedback.today())).toList();
    }

    @PostMapping("/api/v1/feedback/rounds")
    @PreAuthorize("hasAnyRole('DP_TEAM', 'COUNCIL_ADMIN')")
    @Operation(summary = "Start a survey round: title (and titleCy), opensOn, closesOn (YYYY-MM-DD) and invited (HOLDER, REPRESENTATIVE, "
            + "PA, STAFF). Holders are written a FEEDBACK_INVITED letter once this commits")
    ResponseEntity<RoundJson> start(SignedInUser staff, @RequestBody NewRoundJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        var opens = errors.isoDate("opensOn", body.opensOn(), true, "feedback.label.opens");
        var closes = errors.isoDate("closesOn", body.closesOn(), true, "feedback.label.closes");
        Set<RoleKind> invited = EnumSet.noneOf(RoleKind.class);
        for (String kind : body.invited() == null ? List.<String>of() : body.invited()) {
            try {
                invited.add(RoleKind.valueOf(String.valueOf(kind).strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.reject("invite", "feedback.error.invite-kind", kind);
            }
        }
        Round round = feedback.start(staff, new RoundInput(body.title(), body.titleCy(), opens, closes, invited), errors);
        errors.throwIfAny();
        return ResponseEntity.created(URI.create("/api/v1/feedback/rounds/" + round.id())).body(RoundJson.of(round, 0L, feedback.today()));
    }

    @GetMapping("/api/v1/feedback/rounds/{id}")
    @Operation(summary = "A survey round: for its council's staff, or a person it invites")
    RoundJson round(SignedInUser user, @PathVariable long id) {
        return feedback.round(user, id).map(r -> RoundJson.of(r, null, feedback.today())).orElseThrow(NotFound::new);
    }

    @PostMapping("/api/v1/feedback/rounds/{id}/answers")
    @Operation(summary = "Answer a round that invites you, once: anonymous (true: no user id is kept with the answer) and stages "
            + "[{stage: planning | getting-the-money | finding-support | employing | monitoring | reviews, rating 1-5, working, notWorking}]; "
            + "a stage left out is skipped. No address is given for the answer: an anonymous one has none")
    ResponseEntity<AnsweredJson> answer(SignedInUser user, @PathVariable long id, @RequestBody AnswerJson body) {
        FormErrors errors = new FormErrors(messages, Locale.ENGLISH);
        Round round = feedback.round(user, id).orElseThrow(NotFound::new);
        String anonymous = body.anonymous() instanceof Boolean b ? (b ? "yes" : "no")
                : body.anonymous() == null ? null : String.valueOf(body.anonymous()).strip().toLowerCase(Locale.ROOT)
                .replace("true", "yes").replace("false", "no");
        Map<Stage, AnswerInput.StageInput> stages = new LinkedHashMap<>();
        for (StageJson s : body.stages() == null ? List.<StageJson>of() : body.stages()) {
            Stage stage = s == null ? null : Stage.ofKey(String.valueOf(s.stage()).strip().toLowerCase(Locale.ROOT).replace('_', '-'))
                    .orElse(null);
            if (stage == null) {
                errors.reject("stages", "feedback.error.stage", s == null ? "null" : String.valueOf(s.stage()));
            } else if (stages.containsKey(stage)) {
                errors.reject("stages", "feedback.error.stage-twice", stage.key());
            } else {
                stages.put(stage, new AnswerInput.StageInput(rating(s.rating()), s.working(), s.notWorking()));
            }
        }
        if (!errors.isEmpty()) {
            errors.throwIfAny();
        }
        var kind = feedback.invitedAs(user, round).orElseThrow(NotFound::new);
        feedback.answer(user, id, new AnswerInput(anonymous, stages), errors);
        errors.throwIfAny();
        return ResponseEntity.status(HttpStatus.CREATED).body(new AnsweredJson(id, "yes".equals(anonymous), kind.name()));
    }

    /** A rating as sent: a whole number stays as it is; anything else (4.5, "x", true) is kept as text to be refused by name. */
    private static String rating(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Integer || value instanceof Long) {
            return value.toString();
        }
        return value instanceof Number n ? n.toString() : String.valueOf(value);
    }

    @GetMapping("/api/v1/feedback/rounds/{id}/results")
    @PreAuthorize("hasRole('STAFF')")
    @Operation(summary = "A round's results (council staff): answers in all and by role kind, each stage's answers and average rating, "
            + "the council's average rating per stage per quarter (all its rounds), and comments with names and numbers masked")
    ResultsJson results(SignedInUser staff, @PathVariable long id) {
        Results r = feedback.results(staff, id);
        Map<String, Long> byRole = new LinkedHashMap<>();
        r.byRole().forEach((k, v) -> byRole.put(k.name(), v));
        return new ResultsJson(RoundJson.of(r.round(), r.answers(), feedback.today()), r.answers(), r.anonymous(), byRole,
                r.stages().stream().map(s -> new StageFigureJson(s.stage().key(), s.answers(), s.rated(), s.averageRating())).toList(),
                r.trend().stream().map(q -> new QuarterJson(q.quarter(), q.stage().key(), q.rated(), q.averageRating())).toList(),
                r.comments().stream().map(c -> new CommentJson(c.stage().key(), c.working() ? "working" : "notWorking", c.text(),
                        c.roleKind().name(), c.quarter())).toList());
    }

    /** A round this person may not see, or none: 404, naming the round, the same for both. */
    @ExceptionHandler(NotFound.class)
    ResponseEntity<ProblemDetail> notFound(NotFound notFound) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "There is no such record, or you may not see it.");
        problem.setProperty("errors", List.of(Map.of("field", "round",
                "message", messages.getMessage("feedback.error.no-round", null, Locale.ENGLISH))));
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}
