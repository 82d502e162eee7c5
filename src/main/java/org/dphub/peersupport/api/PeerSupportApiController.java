package org.dphub.peersupport.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.dphub.peersupport.Board;
import org.dphub.peersupport.ListView;
import org.dphub.peersupport.ModerationAction;
import org.dphub.peersupport.PeerSupport;
import org.dphub.peersupport.Post;
import org.dphub.peersupport.PostInput;
import org.dphub.peersupport.QuestionList;
import org.dphub.peersupport.QuestionThread;
import org.dphub.peersupport.ReportedPost;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
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
 * Peer support boards as JSON. A board the caller's role does not allow is 403; another council's
 * practitioners' post is 404. Bad input is 422 problem+json naming each field — for personal data,
 * every piece found — and nothing is saved. Reasons are in Welsh with {@code lang=cy}.
 */
@RestController
@RequestMapping("/api/v1/peer-support")
@Tag(name = "Peer support")
class PeerSupportApiController {

    record PostJson(long id, String board, Long questionId, String area, String displayName, boolean own, String title, String text,
                    boolean removed, String removedReason, boolean locked, Instant createdAt, long answers, long helpful,
                    boolean helpfulToAsker, boolean helpedMe, boolean reportedByMe) {
        /** A removed post keeps its place, but its words go only to the poster and the moderators. */
        static PostJson of(Post p) {
            return new PostJson(p.id(), p.board().name(), p.questionId(), p.area(), p.authorName(), p.own(),
                    p.showText() ? p.title() : null, p.showText() ? p.body() : null, p.hidden(), p.hiddenReasonForReader(), p.locked(),
                    p.createdAt(), p.answers(), p.helpful(), p.helpfulToAsker(), p.helpedMe(), p.reportedByMe());
        }
    }

    record BoardJson(String board, String view, String query, long total, int page, int pages, List<PostJson> questions) {
    }

    record ThreadJson(PostJson question, List<PostJson> answers, boolean mayAnswer) {
    }

    record QuestionInputJson(String title, String text, String displayName, Boolean confirmPersonalData) {
    }

    record AnswerInputJson(String text, String displayName, Boolean confirmPersonalData) {
    }

    record HelpfulJson(long postId, long helpful) {
    }

    record ReasonJson(String reason) {
    }

    record ReportedJson(long id, long postId, String status) {
    }

    record ModerationInputJson(String action, String reason) {
    }

    record QueueItemJson(PostJson post, String questionTitle, List<ReportedPost.Report> reports) {
    }

    record QueueJson(List<QueueItemJson> reported, List<QueueItemJson> removed) {
    }

    private final PeerSupport peerSupport;
    private final MessageSource messages;

    PeerSupportApiController(PeerSupport peerSupport, MessageSource messages) {
        this.peerSupport = peerSupport;
        this.messages = messages;
    }

    @GetMapping("/boards/{board}/questions")
    @Operation(summary = "A board's questions (board: employers or practitioners), 20 a page: view newest (default), unanswered or "
            + "helpful (most helpful answers first); q searches the words of questions and answers. Employers' board: citizens, "
            + "representatives and the DP team (read only); practitioners' board, one per council: practitioners, budget holders, the DP team")
    BoardJson questions(SignedInUser user, @PathVariable String board, @RequestParam(required = false) String view,
                        @RequestParam(required = false) String q, @RequestParam(defaultValue = "1") int page, Locale locale) {
        Board chosen = peerSupport.board(user, board);
        QuestionList list = peerSupport.questions(user, chosen, ListView.of(view), q, page, locale);
        return new BoardJson(chosen.slug(), list.view().key(), list.query(), list.total(), list.page(), list.pages(),
                list.questions().stream().map(PostJson::of).toList());
    }

    @PostMapping("/boards/{board}/questions")
    @Operation(summary = "Ask a question: title (150 characters), text (5,000), displayName (first name or nickname, 30; needed the "
            + "first time, kept after). Personal data is refused (422, each piece named): NHS, National Insurance and phone numbers, "
            + "email addresses and full postcodes always; a name with a date of birth, or a date of birth, unless confirmPersonalData is true")
    ResponseEntity<PostJson> ask(SignedInUser user, @PathVariable String board, @RequestBody QuestionInputJson json, Locale locale) {
        Board chosen = peerSupport.board(user, board);
        FormErrors errors = new FormErrors(messages, locale);
        Long id = peerSupport.ask(user, chosen, new PostInput(json.title(), json.text(), json.displayName(), json.confirmPersonalData()),
                errors);
        errors.throwIfAny();
        return ResponseEntity.created(URI.create("/api/v1/peer-support/questions/" + id)).body(PostJson.of(peerSupport.post(user, id, locale)));
    }

    @GetMapping("/questions/{id}")
    @Operation(summary = "A question and its answers, oldest first; a removed post has no title or text except for its poster and moderators")
    ThreadJson question(SignedInUser user, @PathVariable long id, Locale locale) {
        QuestionThread thread = peerSupport.question(user, id, locale);
        return new ThreadJson(PostJson.of(thread.question()), thread.answers().stream().map(PostJson::of).toList(), thread.mayAnswer());
    }

    @PostMapping("/questions/{id}/answers")
    @Operation(summary = "Answer a question: text (5,000), displayName, confirmPersonalData as for questions. A locked question is refused (422 on text)")
    ResponseEntity<PostJson> answer(SignedInUser user, @PathVariable long id, @RequestBody AnswerInputJson json, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Long answer = peerSupport.answer(user, id, new PostInput(null, json.text(), json.displayName(), json.confirmPersonalData()), errors);
        errors.throwIfAny();
        return ResponseEntity.created(URI.create("/api/v1/peer-support/posts/" + answer)).body(PostJson.of(peerSupport.post(user, answer, locale)));
    }

    @PostMapping("/posts/{id}/helpful")
    @Operation(summary = "\"This helped me\" on an answer: once per reader, not on your own answer (422 on post otherwise); returns the count")
    HelpfulJson helpful(SignedInUser user, @PathVariable long id, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        long count = peerSupport.markHelpful(user, id, errors, "post");
        errors.throwIfAny();
        return new HelpfulJson(id, count);
    }

    @PostMapping("/posts/{id}/reports")
    @Operation(summary = "Report a post to the DP team of the poster's council: reason (1,000). Not your own post, once per post")
    ResponseEntity<ReportedJson> report(SignedInUser user, @PathVariable long id, @RequestBody ReasonJson json, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        Long report = peerSupport.report(user, id, json.reason(), errors);
        errors.throwIfAny();
        return ResponseEntity.status(201).body(new ReportedJson(report, id, "REPORTED"));
    }

    @GetMapping("/moderation")
    @Operation(summary = "The DP team's queue: posts by their council's people with reports not yet acted on, and posts removed now")
    QueueJson queue(SignedInUser user, Locale locale) {
        return new QueueJson(
                peerSupport.moderationQueue(user, locale).stream().map(r -> new QueueItemJson(PostJson.of(r.post()), r.questionTitle(), r.reports())).toList(),
                peerSupport.removedPosts(user, locale).stream().map(r -> new QueueItemJson(PostJson.of(r.post()), r.questionTitle(), List.of())).toList());
    }

    @PostMapping("/posts/{id}/moderation")
    @Operation(summary = "The DP team of the poster's council: action HIDE, RESTORE, KEEP (the reports were looked at), LOCK or UNLOCK "
            + "(questions) with a reason (1,000), kept in the history and the audit trail. Another council's post is 404; an action the "
            + "post's state does not allow is 422 on action")
    PostJson moderate(SignedInUser user, @PathVariable long id, @RequestBody ModerationInputJson json, Locale locale) {
        FormErrors errors = new FormErrors(messages, locale);
        peerSupport.moderate(user, id, ModerationAction.of(json.action()).orElse(null), json.reason(), errors);
        errors.throwIfAny();
        return PostJson.of(peerSupport.post(user, id, locale));
    }
}
