package org.dphub.feedback;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.employment.Employment;
import org.dphub.employment.Employments;
import org.dphub.feedback.internal.FeedbackRepository;
import org.dphub.identity.CitizenRelationship;
import org.dphub.identity.UserAccounts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The feedback module's public face: starting a survey round, who it invites, answering it once
 * (named or anonymously), and the results council staff see.
 *
 * <p>Who is invited, by kind: a {@link RoleKind#HOLDER} is a citizen account linked to a person of
 * the council as themself; a {@link RoleKind#REPRESENTATIVE} one linked as an authorised, nominated
 * or suitable person; a {@link RoleKind#PA} a PA employed by one of the council's people; and
 * {@link RoleKind#STAFF} the council's staff. A round's invitation letters go to the council's
 * direct payment holders ({@link InvitationLetters}); everyone invited sees the open round on their
 * home page.
 */
@Service
public class Feedback {

    public static final String ROUND_AUDIT = "feedback_round";
    public static final int MOST_TITLE = 120;
    public static final int MOST_TEXT = 5_000;

    private final FeedbackRepository repository;
    private final UserAccounts users;
    private final Employments employments;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Feedback(FeedbackRepository repository, UserAccounts users, Employments employments, AuditTrail audit,
             ApplicationEventPublisher events, Clock clock) {
        this.repository = repository;
        this.users = users;
        this.employments = employments;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** The DP team and council administrators start rounds. */
    public static boolean mayStart(SignedInUser user) {
        return user != null && user.councilId() != null && (user.has(Role.DP_TEAM) || user.has(Role.COUNCIL_ADMIN));
    }

    /** Every member of a council's staff sees its results (the coproduction board's papers). */
    public static boolean maySeeResults(SignedInUser user) {
        return user != null && user.isStaff() && user.councilId() != null;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    // --- rounds ----------------------------------------------------------------------------------

    /**
     * Starts a round for the staff member's council, or says in {@code errors} what to change
     * (nothing saved). Its invitation letters are written once this commits.
     */
    @Transactional
    public Round start(SignedInUser staff, RoundInput input, FormErrors errors) {
        if (!mayStart(staff)) {
            throw new AccessDeniedException("Only the direct payments team and council administrators start a survey round");
        }
        String title = errors.text("title", input.title(), MOST_TITLE, true, "feedback.label.title");
        String titleCy = errors.text("titleCy", input.titleCy(), MOST_TITLE, false, "feedback.label.title-cy");
        if (input.opensOn() == null && !errors.has("opensOn")) {
            errors.reject("opensOn", "date.error.required", label(errors, "feedback.label.opens"));
        }
        if (input.closesOn() == null && !errors.has("closesOn")) {
            errors.reject("closesOn", "date.error.required", label(errors, "feedback.label.closes"));
        }
        if (input.opensOn() != null && input.closesOn() != null) {
            if (input.closesOn().isBefore(input.opensOn())) {
                errors.reject("closesOn", "feedback.error.closes-before-opens", format(input.opensOn(), errors.locale()));
            } else if (input.closesOn().isBefore(today())) {
                errors.reject("closesOn", "feedback.error.closes-in-the-past");
            } else if (input.opensOn().isAfter(today().plusYears(2))) {
                errors.reject("opensOn", "feedback.error.opens-too-late");
            }
        }
        if (input.invited().isEmpty()) {
            errors.reject("invite", "feedback.error.invite");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        String welsh = titleCy == null || titleCy.isEmpty() ? title : titleCy;
        long id = repository.insertRound(staff.councilId(), title, welsh, input.opensOn(), input.closesOn(), input.invited(),
                staff.username());
        audit.record(staff.councilId(), "feedback_round", id, AuditAction.CREATE, null, AuditTrail.values("title", title,
                "opensOn", input.opensOn().toString(), "closesOn", input.closesOn().toString(),
                "invited", input.invited().stream().sorted().map(RoleKind::name).toList()));
        events.publishEvent(new FeedbackRoundStarted(id, staff.councilId()));
        return repository.round(id).orElseThrow();
    }

    private static String label(FormErrors errors, String key) {
        return errors.messages().getMessage(key, null, key, errors.locale());
    }

    private static String format(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(date);
    }

    public record Listed(Round round, long answers) {
    }

    /** The council's rounds, newest first, with how many answered each. Council staff only. */
    @Transactional(readOnly = true)
    public List<Listed> rounds(SignedInUser staff) {
        if (!maySeeResults(staff)) {
            throw new AccessDeniedException("Council staff only");
        }
        return repository.rounds(staff.councilId()).stream().map(r -> new Listed(r.round(), r.answers())).toList();
    }

    /** How many of the council's rounds are open today (the staff home page's count). */
    @Transactional(readOnly = true)
    public long openRounds(SignedInUser staff) {
        return maySeeResults(staff) ? repository.countOpen(staff.councilId(), today()) : 0;
    }

    /**
     * A round this person may see: any of their own council's for staff; for anyone else, one that
     * invites them. Otherwise empty — another council's round looks the same as none.
     */
    @Transactional(readOnly = true)
    public Optional<Round> round(SignedInUser user, long id) {
        return repository.round(id).filter(r -> user.isStaffOf(r.councilId()) || invitedAs(user, r).isPresent());
    }

    /** What this person would answer a round as, if it invites them. */
    @Transactional(readOnly = true)
    public Optional<RoleKind> invitedAs(SignedInUser user, Round round) {
        return kinds(user, round.councilId()).stream().filter(round::invites).findFirst();
    }

    /** The kinds this person is in a council, in the order an answer takes them (a holder first). */
    private Set<RoleKind> kinds(SignedInUser user, long councilId) {
        Set<RoleKind> kinds = new LinkedHashSet<>();
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            for (UserAccounts.CitizenAccess access : users.citizenAccessFor(user.userId())) {
                if (access.councilId() == councilId) {
                    kinds.add(access.relationship() == CitizenRelationship.SELF ? RoleKind.HOLDER : RoleKind.REPRESENTATIVE);
                }
            }
        }
        if (user.has(Role.PERSONAL_ASSISTANT) && employments.asPa(user).stream().anyMatch(e -> e.councilId() == councilId)) {
            kinds.add(RoleKind.PA);
        }
        if (user.isStaffOf(councilId)) {
            kinds.add(RoleKind.STAFF);
        }
        List<RoleKind> ordered = new ArrayList<>(kinds);
        ordered.sort(null);
        return new LinkedHashSet<>(ordered);
    }

    /** The councils this person belongs to in any kind (staff: theirs; others: those of the people they are linked to or work for). */
    private Set<Long> councils(SignedInUser user) {
        Set<Long> councils = new LinkedHashSet<>();
        if (user.isStaff() && user.councilId() != null) {
            councils.add(user.councilId());
        }
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            users.citizenAccessFor(user.userId()).forEach(a -> councils.add(a.councilId()));
        }
        if (user.has(Role.PERSONAL_ASSISTANT)) {
            employments.asPa(user).stream().map(Employment::councilId).forEach(councils::add);
        }
        return councils;
    }

    /** Rounds open today that invite this person and that they have not answered yet (their home page). */
    @Transactional(readOnly = true)
    public List<Round> waitingFor(SignedInUser user) {
        return repository.openIn(councils(user), today()).stream()
                .filter(r -> invitedAs(user, r).isPresent() && !repository.hasAnswered(r.id(), user.userId())).toList();
    }

    /** What the home page will read here for this person, to send with the other modules' ({@code web.HomeContribution}). */
    public void readAhead(SignedInUser user, Reads.Together reads) {
        Set<Long> councils = councils(user);
        if (!councils.isEmpty()) {
            reads.add(repository.openInRead(councils, today()));
        }
    }

    @Transactional(readOnly = true)
    public boolean hasAnswered(SignedInUser user, long roundId) {
        return repository.hasAnswered(roundId, user.userId());
    }

    // --- answering -------------------------------------------------------------------------------

    /**
     * Saves this person's answer to a round that invites them, once. A round they may not see is
     * {@link NotFound}; a round not open today, a second answer, or bad input is a message in
     * {@code errors} (on {@code round}, or the field), and nothing is saved.
     */
    @Transactional
    public boolean answer(SignedInUser user, long roundId, AnswerInput input, FormErrors errors) {
        Round round = repository.round(roundId).orElseThrow(NotFound::new);
        RoleKind kind = invitedAs(user, round).orElseThrow(NotFound::new);
        Round.State state = round.state(today());
        if (state == Round.State.UPCOMING) {
            errors.reject("round", "feedback.error.not-open-yet", format(round.opensOn(), errors.locale()));
            return false;
        }
        if (state == Round.State.CLOSED) {
            errors.reject("round", "feedback.error.closed", format(round.closesOn(), errors.locale()));
            return false;
        }
        if (repository.hasAnswered(roundId, user.userId())) {
            errors.reject("round", "feedback.error.answered");
            return false;
        }
        Boolean anonymous = "yes".equals(input.anonymous()) ? Boolean.TRUE : "no".equals(input.anonymous()) ? Boolean.FALSE : null;
        if (anonymous == null) {
            errors.reject("anonymous", "feedback.error.anonymous");
        }
        Map<Stage, Checked> stages = new EnumMap<>(Stage.class);
        for (Stage stage : Stage.values()) {
            AnswerInput.StageInput typed = input.stages().get(stage);
            if (typed == null || typed.isEmpty()) {
                continue;
            }
            String name = errors.messages().getMessage("feedback.stage." + stage.key(), null, errors.locale());
            Integer rating = rating(typed.rating(), stage, name, errors);
            String working = text(typed.working(), stage.key() + ".working", "feedback.error.too-long.working", name, errors);
            String notWorking = text(typed.notWorking(), stage.key() + ".notWorking", "feedback.error.too-long.not-working", name, errors);
            stages.put(stage, new Checked(rating, working, notWorking));
        }
        if (stages.isEmpty()) {
            errors.reject("stages", "feedback.error.no-stage");
        }
        if (!errors.isEmpty()) {
            return false;
        }
        if (!repository.markAnswered(roundId, user.userId())) {
            errors.reject("round", "feedback.error.answered");
            return false;
        }
        // anonymous: no user id, only the kind and the council; the "has answered" row above cannot be joined to this one
        long answer = repository.insertAnswer(roundId, round.councilId(), anonymous ? null : user.userId(), kind, today());
        stages.forEach((stage, c) -> repository.insertStage(answer, stage, c.rating(), c.working(), c.notWorking()));
        return true;
    }

    private record Checked(Integer rating, String working, String notWorking) {
    }

    /** Blank (no rating), or a whole number from 1 to 5 exactly as typed. */
    private static Integer rating(String typed, Stage stage, String name, FormErrors errors) {
        if (typed == null || typed.isBlank()) {
            return null;
        }
        String t = typed.strip();
        if (!t.matches("[1-5]")) {
            errors.reject(stage.key() + ".rating", "feedback.error.rating", name);
            return null;
        }
        return Integer.parseInt(t);
    }

    /** Free text, kept exactly as written (a script tag too: pages print it as text); at most 5,000 characters. */
    private static String text(String typed, String field, String key, String name, FormErrors errors) {
        String t = typed == null ? "" : typed.replace("\r\n", "\n").strip();
        if (t.length() > MOST_TEXT) {
            errors.reject(field, key, name, String.format(errors.locale(), "%,d", MOST_TEXT), String.format(errors.locale(), "%,d", t.length()));
            return null;
        }
        return t;
    }

    // --- results ---------------------------------------------------------------------------------

    /** A round's results for staff of its council; another council's round is {@link NotFound}. */
    @Transactional(readOnly = true)
    public Results results(SignedInUser staff, long roundId) {
        if (!maySeeResults(staff)) {
            throw new AccessDeniedException("Council staff only");
        }
        Round round = repository.round(roundId).filter(r -> staff.isStaffOf(r.councilId())).orElseThrow(NotFound::new);
        long council = round.councilId();
        FeedbackRepository.Totals totals = repository.totals(roundId, council);
        Map<RoleKind, Long> byRole = new EnumMap<>(RoleKind.class);
        for (RoleKind kind : RoleKind.values()) {
            byRole.put(kind, 0L);
        }
        repository.byRole(roundId, council).forEach(c -> byRole.put(RoleKind.valueOf(c.key()), c.count()));
        Map<Stage, FeedbackRepository.StageSums> sums = new EnumMap<>(Stage.class);
        repository.stages(roundId, council).forEach(s -> sums.put(s.stage(), s));
        List<Results.StageFigure> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            FeedbackRepository.StageSums s = sums.get(stage);
            stages.add(s == null ? new Results.StageFigure(stage, 0, 0, null)
                    : new Results.StageFigure(stage, s.answers(), s.rated(), average(s.ratingSum(), s.rated())));
        }
        LocalDate until = today().isBefore(round.closesOn()) ? today() : round.closesOn();
        List<Results.QuarterFigure> trend = repository.quarters(council, until).stream()
                .map(q -> new Results.QuarterFigure(q.quarter(), q.stage(), q.rated(), average(q.ratingSum(), q.rated()))).toList();
        List<Results.Comment> comments = new ArrayList<>();
        for (FeedbackRepository.CommentRow row : repository.comments(roundId, council)) {
            if (!row.working().isEmpty()) {
                comments.add(new Results.Comment(row.stage(), true, CommentMask.mask(row.working()), row.roleKind(), row.quarter()));
            }
            if (!row.notWorking().isEmpty()) {
                comments.add(new Results.Comment(row.stage(), false, CommentMask.mask(row.notWorking()), row.roleKind(), row.quarter()));
            }
        }
        return new Results(round, totals.answers(), totals.anonymous(), byRole, stages, trend, comments);
    }

    /** The average of whole ratings to 2 places, half up; null with none. */
    static BigDecimal average(long sum, long count) {
        return count == 0 ? null : BigDecimal.valueOf(sum).divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }

    /** Every kind a round can invite, for forms. */
    public static Set<RoleKind> everyKind() {
        return EnumSet.allOf(RoleKind.class);
    }
}
