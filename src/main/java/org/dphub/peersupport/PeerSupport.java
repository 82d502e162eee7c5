package org.dphub.peersupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.information.WelshQuery;
import org.dphub.peersupport.internal.PeerSupportRepository.Row;
import org.dphub.peersupport.internal.PeerSupportRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Peer support's public face: the boards as one reader sees them, asking and answering (after the
 * personal data check), "this helped me", reports, and the DP team's moderation.
 *
 * <p>Who sees what: a board the reader's role does not allow is refused (403); a post on another
 * council's practitioners' board does not exist for them (404). A post a moderator removed shows
 * "Removed by a moderator" to everyone but its poster (who sees why) and the moderators, who are
 * the DP team of the poster's council — on the national employers' board too, since that team
 * knows the person and answers for its own people.
 */
@Service
public class PeerSupport {

    public static final String POST_AUDIT = "peer_post";
    public static final String REPORT_AUDIT = "peer_report";
    public static final int MOST_TITLE = 150;
    public static final int MOST_TEXT = 5_000;
    public static final int MOST_NAME = 30;
    public static final int MOST_REASON = 1_000;
    public static final int MOST_QUERY = 100;
    public static final int PAGE_SIZE = 20;

    private final PeerSupportRepository repository;
    private final AuditTrail audit;
    private final Councils councils;

    PeerSupport(PeerSupportRepository repository, AuditTrail audit, Councils councils) {
        this.repository = repository;
        this.audit = audit;
        this.councils = councils;
    }

    /** The board at {@code slug}, which this reader's role must allow (403 otherwise); unknown boards are 404. */
    public Board board(SignedInUser reader, String slug) {
        Board board = Board.fromSlug(slug).orElseThrow(NotFound::new);
        mustRead(reader, board);
        return board;
    }

    /** The boards this reader may use, employers' first. */
    public List<Board> boardsFor(SignedInUser reader) {
        return java.util.Arrays.stream(Board.values()).filter(b -> b.mayRead(reader)).toList();
    }

    public Optional<String> displayName(SignedInUser user) {
        return repository.displayName(user.userId());
    }

    /** A page (1-based) of the board's questions, newest first, unanswered or most helpful; searched by words when {@code query} has any. */
    @Transactional(readOnly = true)
    public QuestionList questions(SignedInUser reader, Board board, ListView view, String query, int page, Locale locale) {
        mustRead(reader, board);
        String q = query == null ? "" : query.strip();
        if (q.length() > MOST_QUERY) {
            q = q.substring(0, MOST_QUERY);
        }
        String welsh = null;
        if (!q.isEmpty() && "cy".equals(locale.getLanguage())) {
            welsh = WelshQuery.tsquery(q);
            if (welsh.isBlank()) {
                welsh = null;
            }
        }
        int wanted = Math.max(1, page);
        PeerSupportRepository.Page rows = repository.questions(board.name(), board.national(), reader.councilId(), reader.userId(),
                moderatorCouncil(reader), view.key(), q.isEmpty() ? null : q, welsh, PAGE_SIZE, (wanted - 1) * PAGE_SIZE);
        Map<Long, String> areas = areas(locale);
        List<Post> posts = rows.rows().stream().map(r -> post(r, reader, areas)).toList();
        int pages = (int) Math.max(1, (rows.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        return new QuestionList(board, view, q, posts, rows.total(), wanted, pages);
    }

    /** A question with its answers; 404 for an answer's id, for another council's practitioners' question, or one that does not exist. */
    @Transactional(readOnly = true)
    public QuestionThread question(SignedInUser reader, long id, Locale locale) {
        Row row = visible(reader, id);
        if (row.questionId() != null) {
            throw new NotFound();
        }
        Map<Long, String> areas = areas(locale);
        Post question = post(row, reader, areas);
        if (question.hidden() && !question.showText() && question.answers() == 0) {
            // nothing left to read; the page still says it was removed
            return new QuestionThread(question, List.of(), false, false);
        }
        List<Post> answers = repository.answers(id, reader.userId()).stream().map(r -> post(r, reader, areas)).toList();
        Board board = Board.valueOf(row.board());
        boolean mayPost = board.mayPost(reader);
        return new QuestionThread(question, answers, mayPost && !row.locked() && !row.hidden(), mayPost);
    }

    /** One post (question or answer) as this reader may see it. */
    @Transactional(readOnly = true)
    public Post post(SignedInUser reader, long id, Locale locale) {
        return post(visible(reader, id), reader, areas(locale));
    }

    // --- posting --------------------------------------------------------------------------------

    /** Asks a question; returns its id, or null when {@code errors} says what to change (nothing saved). */
    @Transactional
    public Long ask(SignedInUser asker, Board board, PostInput input, FormErrors errors) {
        mustPost(asker, board);
        String title = text(errors, "title", input.title(), MOST_TITLE, "peer.label.title");
        String body = text(errors, "text", input.text(), MOST_TEXT, "peer.label.question-text");
        String name = displayNameFor(asker, input.displayName(), errors);
        boolean confirmed = personalData(errors, input.confirmPersonalData(), new String[] {"title", "text"}, title, body);
        if (!errors.isEmpty()) {
            return null;
        }
        repository.saveDisplayName(asker.userId(), name);
        long id = repository.insert(board.name(), asker.councilId(), null, asker.userId(), name, title, body, confirmed);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("board", board.name());
        after.put("kind", "QUESTION");
        after.put("title", title);
        after.put("displayName", name);
        after.put("personalDataConfirmed", confirmed);
        audit.record(asker.councilId(), POST_AUDIT, id, AuditAction.CREATE, null, after);
        return id;
    }

    /** Answers a question; returns the answer's id, or null when {@code errors} says what to change (nothing saved). */
    @Transactional
    public Long answer(SignedInUser person, long questionId, PostInput input, FormErrors errors) {
        Row question = visible(person, questionId);
        if (question.questionId() != null) {
            throw new NotFound();
        }
        Board board = Board.valueOf(question.board());
        mustPost(person, board);
        repository.lock(questionId);
        question = repository.find(questionId, person.userId()).orElseThrow(NotFound::new);
        if (question.locked()) {
            errors.reject("text", "peer.error.locked");
        } else if (question.hidden()) {
            errors.reject("text", "peer.error.question-removed");
        }
        String body = text(errors, "text", input.text(), MOST_TEXT, "peer.label.answer-text");
        String name = displayNameFor(person, input.displayName(), errors);
        boolean confirmed = personalData(errors, input.confirmPersonalData(), new String[] {"text"}, body);
        if (!errors.isEmpty()) {
            return null;
        }
        repository.saveDisplayName(person.userId(), name);
        long id = repository.insert(board.name(), person.councilId(), questionId, person.userId(), name, null, body, confirmed);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("board", board.name());
        after.put("kind", "ANSWER");
        after.put("questionId", questionId);
        after.put("title", question.title());
        after.put("displayName", name);
        after.put("personalDataConfirmed", confirmed);
        audit.record(person.councilId(), POST_AUDIT, id, AuditAction.CREATE, null, after);
        return id;
    }

    /**
     * "This helped me": once per reader and answer, never on one's own answer or on a question.
     * Returns the answer's count, or -1 when {@code errors} (at {@code field}) says why not.
     */
    @Transactional
    public long markHelpful(SignedInUser reader, long postId, FormErrors errors, String field) {
        Row post = visible(reader, postId);
        Board board = Board.valueOf(post.board());
        mustPost(reader, board);
        if (post.questionId() == null) {
            errors.reject(field, "peer.error.helpful-question");
        } else if (post.authorUserId() == reader.userId()) {
            errors.reject(field, "peer.error.helpful-own");
        } else if (post.hidden()) {
            errors.reject(field, "peer.error.helpful-removed");
        } else {
            boolean byAsker = repository.find(post.questionId(), reader.userId()).map(q -> q.authorUserId() == reader.userId()).orElse(false);
            if (!repository.markHelpful(postId, reader.userId(), byAsker)) {
                errors.reject(field, "peer.error.helpful-twice");
            }
        }
        return errors.isEmpty() ? repository.helpfulCount(postId) : -1;
    }

    /** Reports a post to its council's DP team; returns the report's id, or null when {@code errors} says why not. */
    @Transactional
    public Long report(SignedInUser reader, long postId, String reason, FormErrors errors) {
        Row post = visible(reader, postId);
        String text = text(errors, "reason", reason, MOST_REASON, "peer.label.report-reason");
        if (post.authorUserId() == reader.userId()) {
            errors.reject("reason", "peer.error.report-own");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        Optional<Long> id = repository.report(postId, reader.userId(), text);
        if (id.isEmpty()) {
            errors.reject("reason", "peer.error.report-twice");
            return null;
        }
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("postId", postId);
        after.put("board", post.board());
        after.put("kind", post.questionId() == null ? "QUESTION" : "ANSWER");
        after.put("title", questionTitle(post));
        after.put("reason", text);
        audit.record(post.councilId(), REPORT_AUDIT, id.get(), AuditAction.CREATE, null, after);
        return id.get();
    }

    // --- moderation -----------------------------------------------------------------------------

    /** The DP team's queue: posts by their council's people with reports not yet acted on, oldest report first. */
    @Transactional(readOnly = true)
    public List<ReportedPost> moderationQueue(SignedInUser moderator, Locale locale) {
        long council = moderatorOrThrow(moderator);
        Map<Long, List<ReportedPost.Report>> byPost = new LinkedHashMap<>();
        for (PeerSupportRepository.OpenReport r : repository.openReports(council)) {
            byPost.computeIfAbsent(r.postId(), k -> new ArrayList<>()).add(new ReportedPost.Report(r.reason(), r.at()));
        }
        Map<Long, String> areas = areas(locale);
        List<ReportedPost> queue = new ArrayList<>();
        byPost.forEach((postId, reports) -> repository.find(postId, moderator.userId()).ifPresent(row ->
                queue.add(new ReportedPost(post(row, moderator, areas), questionTitle(row), reports))));
        return queue;
    }

    /** Posts by the council's people that are removed now, newest first (to restore one). */
    @Transactional(readOnly = true)
    public List<ReportedPost> removedPosts(SignedInUser moderator, Locale locale) {
        long council = moderatorOrThrow(moderator);
        Map<Long, String> areas = areas(locale);
        return repository.hiddenPosts(council, moderator.userId()).stream()
                .map(r -> new ReportedPost(post(r, moderator, areas), questionTitle(r), List.of())).toList();
    }

    public long reportsWaiting(SignedInUser moderator) {
        return repository.postsWithOpenReports(moderatorOrThrow(moderator));
    }

    /**
     * Hides, restores, keeps, locks or unlocks a post by the moderator's council's people, with a
     * reason, kept in the history and the audit trail. False when {@code errors} says why not;
     * another council's post is 404.
     */
    @Transactional
    public boolean moderate(SignedInUser moderator, long postId, ModerationAction action, String reason, FormErrors errors) {
        long council = moderatorOrThrow(moderator);
        repository.lock(postId);
        Row post = repository.find(postId, moderator.userId()).orElseThrow(NotFound::new);
        if (post.councilId() != council) {
            throw new NotFound();
        }
        if (action == null) {
            errors.reject("action", "peer.error.action");
        } else if (!action.allowed(post.questionId() == null, post.hidden(), post.locked())) {
            errors.reject("action", "peer.error.action-not-now." + action.name().toLowerCase(Locale.ROOT));
        }
        String text = text(errors, "reason", reason, MOST_REASON, "peer.label.moderation-reason");
        if (!errors.isEmpty()) {
            return false;
        }
        switch (action) {
            case HIDE -> repository.setHidden(postId, true, text);
            case RESTORE -> repository.setHidden(postId, false, null);
            case LOCK -> repository.setLocked(postId, true);
            case UNLOCK -> repository.setLocked(postId, false);
            case KEEP -> {
            }
        }
        repository.recordModeration(postId, council, action.recorded(), text, moderator.username());
        Map<String, Object> before = new LinkedHashMap<>();
        before.put("hidden", post.hidden());
        before.put("locked", post.locked());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("moderation", action.recorded());
        after.put("board", post.board());
        after.put("kind", post.questionId() == null ? "QUESTION" : "ANSWER");
        after.put("title", questionTitle(post));
        after.put("reason", text);
        audit.record(council, POST_AUDIT, postId, AuditAction.UPDATE, before, after);
        return true;
    }

    // --- for the home page ------------------------------------------------------------------------

    public long unansweredPractitionerQuestions(SignedInUser staff) {
        return staff.councilId() == null ? 0 : repository.unansweredPractitionerQuestions(staff.councilId());
    }

    /** The person's own questions with answers, none of which they have said helped (up to five): id and title. */
    public Map<Long, String> ownQuestionsWaitingForHelpful(SignedInUser person) {
        return repository.ownQuestionsWaitingForHelpful(person.userId()).stream()
                .collect(Collectors.toMap(Row::id, Row::title, (a, b) -> a, LinkedHashMap::new));
    }

    /** What the home page will read here for this person, to send with the other modules' ({@code web.HomeContribution}). */
    public void readAhead(SignedInUser person, Reads.Together reads) {
        if (Board.EMPLOYERS.mayPost(person)) {
            reads.add(repository.ownQuestionsWaitingForHelpfulRead(person.userId()));
        }
    }

    // --- checks ---------------------------------------------------------------------------------

    /**
     * The personal data check (see {@link PersonalDataCheck}): anything that must be taken out is
     * refused whatever the poster says; a name with a date or a date of birth needs their
     * confirmation. Each field's message names every piece found. Returns whether a confirmation
     * was needed and given.
     */
    private static boolean personalData(FormErrors errors, Boolean confirm, String[] fields, String... texts) {
        boolean confirmedSomething = false;
        for (int i = 0; i < fields.length; i++) {
            if (texts[i] == null) {
                continue;
            }
            List<PersonalDataCheck.Finding> found = PersonalDataCheck.find(texts[i]);
            if (found.isEmpty()) {
                continue;
            }
            String pieces = found.stream().map(f -> errors.messages().getMessage("peer.finding." + f.kind().name(),
                    new Object[] {f.text()}, errors.locale())).collect(Collectors.joining(" "));
            if (found.stream().anyMatch(PersonalDataCheck.Finding::mustRemove)) {
                errors.reject(fields[i], "peer.error.personal-data.remove", pieces);
            } else if (!Boolean.TRUE.equals(confirm)) {
                errors.reject(fields[i], "peer.error.personal-data.confirm", pieces);
            } else {
                confirmedSomething = true;
            }
        }
        return confirmedSomething;
    }

    /** Words as typed (mark-up is kept as text and shown escaped): required, not too long. */
    private static String text(FormErrors errors, String field, String value, int most, String labelKey) {
        String text = value == null ? "" : value.replace("\r\n", "\n").strip();
        String label = errors.messages().getMessage(labelKey, null, labelKey, errors.locale());
        if (text.isEmpty()) {
            errors.reject(field, "text.error.required", label);
            return null;
        }
        if (text.length() > most) {
            errors.reject(field, "text.error.too-long", label, most);
            return null;
        }
        return text;
    }

    /** The name others see: as given (kept for next time once the post is saved), or the one kept; never an email address or the person's full name. */
    private String displayNameFor(SignedInUser user, String given, FormErrors errors) {
        String name = given == null ? "" : given.strip().replaceAll("\\s+", " ");
        if (name.isEmpty()) {
            Optional<String> kept = repository.displayName(user.userId());
            if (kept.isEmpty()) {
                errors.reject("displayName", "peer.error.display-name.required");
            }
            return kept.orElse(null);
        }
        if (name.length() > MOST_NAME) {
            errors.reject("displayName", "text.error.too-long",
                    errors.messages().getMessage("peer.label.display-name-short", null, errors.locale()), MOST_NAME);
            return null;
        }
        String full = user.displayName() == null ? "" : user.displayName().strip().replaceAll("\\s+", " ");
        if (name.contains("@")) {
            errors.reject("displayName", "peer.error.display-name.email");
            return null;
        }
        if (full.contains(" ") && full.equalsIgnoreCase(name)) {
            errors.reject("displayName", "peer.error.display-name.full-name");
            return null;
        }
        if (!PersonalDataCheck.find(name).isEmpty()) {
            errors.reject("displayName", "peer.error.display-name.personal");
            return null;
        }
        return name;
    }

    // --- who may ----------------------------------------------------------------------------------

    private Row visible(SignedInUser reader, long id) {
        Row row = repository.find(id, reader.userId()).orElseThrow(NotFound::new);
        Board board = Board.valueOf(row.board());
        mustRead(reader, board);
        if (!board.national() && row.councilId() != reader.councilId()) {
            throw new NotFound();
        }
        return row;
    }

    private static void mustRead(SignedInUser reader, Board board) {
        if (!board.mayRead(reader)) {
            throw new AccessDeniedException("This board is not for your role");
        }
    }

    private static void mustPost(SignedInUser person, Board board) {
        if (!board.mayPost(person)) {
            throw new AccessDeniedException("Your role may read this board but not post on it");
        }
    }

    private static Long moderatorCouncil(SignedInUser user) {
        return user.has(Role.DP_TEAM) ? user.councilId() : null;
    }

    private static long moderatorOrThrow(SignedInUser user) {
        if (user == null || !user.has(Role.DP_TEAM) || user.councilId() == null) {
            throw new AccessDeniedException("Only the DP team moderates peer support");
        }
        return user.councilId();
    }

    private String questionTitle(Row row) {
        return row.questionId() == null ? row.title() : repository.titleOf(row.questionId()).orElse("");
    }

    private Map<Long, String> areas(Locale locale) {
        return councils.all().stream().collect(Collectors.toMap(Council::id, c -> c.name(locale), (a, b) -> a));
    }

    private static Post post(Row r, SignedInUser reader, Map<Long, String> areas) {
        boolean mayModerate = reader.has(Role.DP_TEAM) && reader.councilId() != null && reader.councilId() == r.councilId();
        return new Post(r.id(), Board.valueOf(r.board()), r.councilId(), areas.getOrDefault(r.councilId(), ""), r.questionId(),
                r.authorName(), r.authorUserId() == reader.userId(), r.title(), r.body(), r.hidden(), r.hiddenReason(), r.locked(),
                r.createdAt(), r.answers(), r.helpful(), r.helpfulToAsker(), r.helpedMe(), r.reportedByMe(), mayModerate);
    }
}
