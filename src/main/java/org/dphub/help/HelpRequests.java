package org.dphub.help;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.employment.Employments;
import org.dphub.help.internal.HelpRepository;
import org.dphub.identity.StaffMember;
import org.dphub.identity.UserAccounts;
import org.dphub.letters.LetterKind;
import org.dphub.letters.Letters;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.DpContacts;
import org.dphub.plans.CarePlans;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The help module's public face: asking the DP team for help, the team's queue, replies both ways,
 * assignment and closing (issue 18). Who may do what:
 * <ul>
 * <li>ask: a citizen (for themself), a representative (for a person they act for), a PA (for
 *     themself, or naming a person who employs them), a practitioner (for themself, or naming a
 *     person of their council);</li>
 * <li>read: the asker, and the DP team of the request's council; anyone else is told "not found";</li>
 * <li>reply: the DP team of the council and the asker; other staff of the council are refused;</li>
 * <li>assign and close: the DP team of the council.</li>
 * </ul>
 */
@Service
public class HelpRequests {

    static final String ENTITY = "help_request";
    static final String REPLY_ENTITY = "help_reply";
    /** The most a question or reply may be, in characters. */
    public static final int MAX_TEXT = 5000;
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final HelpRepository repository;
    private final Citizens citizens;
    private final DpContacts contacts;
    private final UserAccounts accounts;
    private final Councils councils;
    private final CarePlans plans;
    private final Employments employments;
    private final Letters letters;
    private final AuditTrail audit;
    private final Clock clock;

    HelpRequests(HelpRepository repository, Citizens citizens, DpContacts contacts, UserAccounts accounts, Councils councils,
                 CarePlans plans, Employments employments, Letters letters, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.citizens = citizens;
        this.contacts = contacts;
        this.accounts = accounts;
        this.councils = councils;
        this.plans = plans;
        this.employments = employments;
        this.letters = letters;
        this.audit = audit;
        this.clock = clock;
    }

    /** Whether this user may ask for help at all. */
    public static boolean mayAsk(SignedInUser user) {
        return user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE) || user.has(Role.PERSONAL_ASSISTANT)
                || user.has(Role.PRACTITIONER);
    }

    /** Whether this user works the queue of this council: its DP team. */
    public static boolean isTeamOf(SignedInUser user, long councilId) {
        return user.isStaffOf(councilId) && user.has(Role.DP_TEAM);
    }

    /** A person the asker may name on the form: themself or someone they act for, work for, or work with. */
    public record Person(long citizenId, String name, boolean self) {
    }

    /**
     * The people a citizen or representative may ask about (a practitioner or PA types nothing here:
     * they may name a person by their dphub number through the API, or ask for themself).
     */
    @Transactional(readOnly = true)
    public List<Person> peopleFor(SignedInUser user) {
        return citizens.actingFor(user).stream()
                .map(c -> new Person(c.citizen().id(), c.citizen().fullName(),
                        c.relationship() == org.dphub.identity.CitizenRelationship.SELF))
                .toList();
    }

    /**
     * Asks for help. Bad input (no text, over {@value #MAX_TEXT} characters, no kind, a person the
     * asker may not act for) is an error on its field and saves nothing. Text is kept exactly as
     * written (mark-up too: every page escapes it). Returns the new request's id.
     */
    @Transactional
    public Optional<Long> ask(SignedInUser asker, Long citizenId, HelpKind kind, String text, String language, FormErrors errors) {
        if (!mayAsk(asker)) {
            throw new AccessDeniedException("Citizens, representatives, PAs and practitioners ask for help");
        }
        if (kind == null) {
            errors.reject("kind", "help.error.kind");
        }
        String written = text(text, "text", errors);
        Target target = target(asker, citizenId, errors);
        if (!errors.isEmpty()) {
            return Optional.empty();
        }
        List<String> outcomes = target.citizen() == null ? List.of() : outcomes(target.citizen());
        Long assignTo = target.citizen() == null ? null
                : contacts.contactUserId(target.councilId(), target.citizen().id()).orElse(null);
        long id = repository.insert(target.councilId(), target.citizen() == null ? null : target.citizen().id(), asker.userId(),
                target.role().name(), kind.name(), written, "cy".equals(language) ? "cy" : "en", outcomes, assignTo, clock.instant());
        audit.record(target.councilId(), ENTITY, id, AuditAction.CREATE, null, AuditTrail.values(
                "citizenId", target.citizen() == null ? null : target.citizen().id(), "kind", kind.name(),
                "askerRole", target.role().name(), "assignedTo", assignTo));
        return Optional.of(id);
    }

    private record Target(long councilId, Citizen citizen, Role role) {
    }

    /** The person the request is about (if any), the council whose team gets it, and as whom the user asks. */
    private Target target(SignedInUser asker, Long citizenId, FormErrors errors) {
        List<Citizens.CitizenWithRelationship> actingFor = citizens.actingFor(asker);
        if (citizenId != null) {
            for (Citizens.CitizenWithRelationship c : actingFor) {
                if (c.citizen().id() == citizenId) {
                    return new Target(c.citizen().councilId(), c.citizen(),
                            c.relationship() == org.dphub.identity.CitizenRelationship.SELF ? Role.CITIZEN : Role.REPRESENTATIVE);
                }
            }
            if (asker.has(Role.PRACTITIONER)) {
                Optional<Citizen> own = citizens.findForPractitioner(asker, citizenId);
                if (own.isPresent()) {
                    return new Target(own.get().councilId(), own.get(), Role.PRACTITIONER);
                }
            }
            if (asker.has(Role.PERSONAL_ASSISTANT)) {
                boolean employer = employments.asPa(asker).stream().anyMatch(e -> e.citizenId() == citizenId);
                Optional<Long> council = employer ? citizens.councilOf(citizenId) : Optional.empty();
                if (council.isPresent()) {
                    return new Target(council.get(), citizenFor(council.get(), citizenId), Role.PERSONAL_ASSISTANT);
                }
            }
            errors.reject("citizenId", "help.error.citizenId");
            return null;
        }
        if (asker.has(Role.CITIZEN) || asker.has(Role.REPRESENTATIVE)) {
            Optional<Citizens.CitizenWithRelationship> self = actingFor.stream()
                    .filter(c -> c.relationship() == org.dphub.identity.CitizenRelationship.SELF).findFirst();
            if (self.isPresent()) {
                return new Target(self.get().citizen().councilId(), self.get().citizen(), Role.CITIZEN);
            }
            if (actingFor.size() == 1) {
                return new Target(actingFor.get(0).citizen().councilId(), actingFor.get(0).citizen(), Role.REPRESENTATIVE);
            }
            if (!actingFor.isEmpty()) {
                errors.reject("citizenId", "help.error.citizenId.choose");
                return null;
            }
            if (asker.has(Role.REPRESENTATIVE) && asker.councilId() != null) {
                // someone who acted for people and no longer does asks about themself (their details' erasure, say)
                return new Target(asker.councilId(), null, Role.REPRESENTATIVE);
            }
        }
        if (asker.councilId() != null && (asker.has(Role.PRACTITIONER) || asker.has(Role.PERSONAL_ASSISTANT))) {
            return new Target(asker.councilId(), null, asker.has(Role.PRACTITIONER) ? Role.PRACTITIONER : Role.PERSONAL_ASSISTANT);
        }
        errors.reject("citizenId", "help.error.citizenId.choose");
        return null;
    }

    /** The person as the council's DP team sees them: a PA naming their employer may not see the person's record. */
    private Citizen citizenFor(long councilId, long citizenId) {
        return citizens.find(team(councilId), citizenId).orElseThrow(NotFound::new);
    }

    /** The outcomes of each plan in force for the person, in order, as the plan words them. */
    private List<String> outcomes(Citizen citizen) {
        List<String> all = new ArrayList<>();
        plans.plansOf(team(citizen.councilId()), citizen.id()).forEach(p -> all.addAll(p.inForce().outcomes()));
        return all;
    }

    /** The service acting as the council's DP team, to read what a referral carries; never shown to anyone. */
    private SignedInUser team(long councilId) {
        Council council = councils.findById(councilId).orElseThrow(NotFound::new);
        return new SignedInUser(0, "dphub (help)", "dphub", council.id(), council.code(), EnumSet.of(Role.DP_TEAM), "en", false);
    }

    /** The request, for its asker or its council's DP team; otherwise not found. */
    @Transactional(readOnly = true)
    public Optional<HelpRequest> find(SignedInUser user, long id) {
        return repository.find(id).filter(r -> maySee(user, r)).map(r -> view(r, true));
    }

    private static boolean maySee(SignedInUser user, HelpRepository.Row r) {
        return r.askedBy() == user.userId() || isTeamOf(user, r.councilId());
    }

    /**
     * A reply from the DP team (the request is then ANSWERED, the first reply's time kept, and an
     * unassigned request assigned to whoever replied) or from the asker (OPEN again, waiting for the
     * team). Staff of the council who are not its DP team are refused; anyone else is told "not found".
     * The asker who is the person or acts for them is told by letter, in the person's language.
     */
    @Transactional
    public void reply(SignedInUser user, long id, String text, FormErrors errors) {
        HelpRepository.Row r = repository.find(id).orElseThrow(NotFound::new);
        boolean team = isTeamOf(user, r.councilId());
        boolean asker = r.askedBy() == user.userId();
        if (!team && !asker) {
            if (user.isStaffOf(r.councilId())) {
                throw new AccessDeniedException("Only the direct payments team replies to a request for help");
            }
            throw new NotFound();
        }
        String written = text(text, "text", errors);
        if (!errors.isEmpty()) {
            return;
        }
        HelpStatus to = HelpTransitions.apply(HelpStatus.valueOf(r.status()),
                        team ? HelpTransitions.Event.TEAM_REPLIED : HelpTransitions.Event.ASKER_REPLIED)
                .orElseThrow(() -> new Conflict("This request is closed: ask again if you need more help"));
        Instant now = clock.instant();
        Long assigned = team && r.assignedTo() == null ? Long.valueOf(user.userId()) : r.assignedTo();
        if (!repository.update(r.id(), r.version(), to.name(), team ? now : null, assigned)) {
            throw new Conflict("Someone changed this request a moment ago: look again");
        }
        long replyId = repository.insertReply(r.councilId(), r.id(), user.userId(), team, written, now);
        audit.record(r.councilId(), REPLY_ENTITY, replyId, AuditAction.CREATE, null, AuditTrail.values(
                "requestId", r.id(), "citizenId", r.citizenId(), "fromTeam", team, "status", to.name()));
        if (team && r.citizenId() != null && ("CITIZEN".equals(r.askerRole()) || "REPRESENTATIVE".equals(r.askerRole()))) {
            Map<String, String> values = new LinkedHashMap<>();
            values.put("asked", r.askedAt().atZone(UK).toLocalDate().toString());
            letters.sendOnce(r.councilId(), r.citizenId(), LetterKind.HELP_REPLIED, values, "help:" + r.id() + ":reply:" + replyId);
        }
    }

    /**
     * Gives the request to a member of the council's DP team: {@code userId}, or (when null) the
     * person's named contact. Refused with an error on {@code userId} when that is not a member of
     * the team (or there is no named contact to default to).
     */
    @Transactional
    public void assign(SignedInUser staff, long id, Long userId, FormErrors errors) {
        HelpRepository.Row r = teamRow(staff, id);
        Long to = userId;
        if (to == null && r.citizenId() != null) {
            to = contacts.contactUserId(r.councilId(), r.citizenId()).orElse(null);
        }
        if (to == null) {
            errors.reject("userId", "help.error.assign.choose");
        } else if (accounts.member(to).filter(m -> m.isOf(r.councilId(), Role.DP_TEAM)).isEmpty()) {
            errors.reject("userId", "help.error.assign.not-team");
        }
        if (!errors.isEmpty()) {
            return;
        }
        if (r.status().equals(HelpStatus.CLOSED.name())) {
            throw new Conflict("This request is closed");
        }
        if (!repository.update(r.id(), r.version(), r.status(), null, to)) {
            throw new Conflict("Someone changed this request a moment ago: look again");
        }
        audit.record(r.councilId(), ENTITY, r.id(), AuditAction.UPDATE,
                AuditTrail.values("citizenId", r.citizenId(), "assignedTo", r.assignedTo()),
                AuditTrail.values("citizenId", r.citizenId(), "assignedTo", to,
                        "assignedName", accounts.member(to).map(StaffMember::displayName).orElse("")));
    }

    /** Closes the request with what was done (required, at most {@value #MAX_TEXT} characters). DP team only. */
    @Transactional
    public void close(SignedInUser staff, long id, String whatWasDone, FormErrors errors) {
        HelpRepository.Row r = teamRow(staff, id);
        String done = text(whatWasDone, "whatWasDone", errors);
        if (!errors.isEmpty()) {
            return;
        }
        HelpTransitions.apply(HelpStatus.valueOf(r.status()), HelpTransitions.Event.CLOSE)
                .orElseThrow(() -> new Conflict("This request is closed already"));
        if (!repository.close(r.id(), r.version(), staff.userId(), done, clock.instant())) {
            throw new Conflict("Someone changed this request a moment ago: look again");
        }
        audit.record(r.councilId(), ENTITY, r.id(), AuditAction.UPDATE,
                AuditTrail.values("citizenId", r.citizenId(), "status", r.status()),
                AuditTrail.values("citizenId", r.citizenId(), "status", HelpStatus.CLOSED.name(), "whatWasDone", done));
    }

    private HelpRepository.Row teamRow(SignedInUser staff, long id) {
        HelpRepository.Row r = repository.find(id).orElseThrow(NotFound::new);
        if (!isTeamOf(staff, r.councilId())) {
            if (staff.isStaffOf(r.councilId())) {
                throw new AccessDeniedException("Only the direct payments team assigns and closes requests for help");
            }
            throw new NotFound();
        }
        return r;
    }

    /** The user's own requests, newest first. */
    @Transactional(readOnly = true)
    public List<HelpRequest> mine(SignedInUser user) {
        return views(repository.askedBy(user.userId()));
    }

    /** One of the queue's lists for the DP team of the user's council (empty for anyone else). */
    @Transactional(readOnly = true)
    public List<HelpRequest> queue(SignedInUser staff, HelpQueue show) {
        if (staff.councilId() == null || !isTeamOf(staff, staff.councilId())) {
            return List.of();
        }
        return views(repository.queue(staff.councilId(), show, staff.userId(), 200));
    }

    /** The queue's counts for the DP team's home and tabs. */
    @Transactional(readOnly = true)
    public HelpCounts counts(SignedInUser staff) {
        if (staff.councilId() == null || !isTeamOf(staff, staff.councilId())) {
            return new HelpCounts(0, 0, 0, 0, 0);
        }
        int target = councils.settings(staff.councilId()).settings().helpReplyTargetWorkingDays();
        LocalDate last = WorkingDays.lastDayOverdue(today(), target);
        return repository.counts(staff.councilId(), staff.userId(), last.plusDays(1).atStartOfDay(UK).toInstant());
    }

    /** How many of the user's own requests have a reply from the team waiting for them. */
    @Transactional(readOnly = true)
    public long answeredFor(SignedInUser user) {
        return repository.answeredFor(user.userId());
    }

    /** What the home page will read here for this person, to send with the other modules' ({@code web.HomeContribution}). */
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (mayAsk(user)) {
            reads.add(repository.answeredForRead(user.userId()));
        }
    }

    /** The council's DP team, to whom a request may be assigned. */
    @Transactional(readOnly = true)
    public List<StaffMember> team(SignedInUser staff) {
        return contacts.team(staff);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    private List<HelpRequest> views(List<HelpRepository.Row> rows) {
        return rows.stream().map(r -> view(r, false)).toList();
    }

    private HelpRequest view(HelpRepository.Row r, boolean withReplies) {
        List<HelpRepository.ReplyRow> replies = withReplies ? repository.replies(r.councilId(), r.id()) : List.of();
        Set<Long> ids = new HashSet<>();
        ids.add(r.askedBy());
        if (r.assignedTo() != null) {
            ids.add(r.assignedTo());
        }
        if (r.closedBy() != null) {
            ids.add(r.closedBy());
        }
        replies.forEach(x -> ids.add(x.authorId()));
        Map<Long, StaffMember> names = accounts.members(ids);
        String citizenName = r.citizenId() == null ? null
                : citizens.find(team(r.councilId()), r.citizenId()).map(Citizen::fullName).orElse(null);
        LocalDate asked = r.askedAt().atZone(UK).toLocalDate();
        Integer firstReply = r.firstReplyAt() == null ? null : WorkingDays.between(asked, r.firstReplyAt().atZone(UK).toLocalDate());
        int waiting = WorkingDays.between(asked, today());
        int target = councils.settings(r.councilId()).settings().helpReplyTargetWorkingDays();
        boolean overdue = r.firstReplyAt() == null && !HelpStatus.CLOSED.name().equals(r.status()) && waiting > target;
        return new HelpRequest(r.id(), r.councilId(), r.citizenId(), citizenName, r.askedBy(), name(names, r.askedBy()),
                r.askerRole(), HelpKind.valueOf(r.kind()), r.text(), r.language(), r.outcomes(), HelpStatus.valueOf(r.status()),
                r.assignedTo(), r.assignedTo() == null ? null : name(names, r.assignedTo()), r.askedAt(), r.firstReplyAt(),
                r.closedAt(), r.closedBy() == null ? null : name(names, r.closedBy()), r.whatWasDone(), firstReply, waiting,
                overdue, replies.stream().map(x -> new HelpReply(x.id(), x.authorId(), name(names, x.authorId()), x.fromTeam(),
                        x.text(), x.writtenAt())).toList());
    }

    private static String name(Map<Long, StaffMember> names, long id) {
        StaffMember m = names.get(id);
        return m == null ? "" : m.displayName();
    }

    /** Free text as written: required, at most {@value #MAX_TEXT} characters, kept exactly (a page escapes it). */
    private static String text(String value, String field, FormErrors errors) {
        if (value == null || value.isBlank()) {
            errors.reject(field, "help.error." + field + ".required");
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > MAX_TEXT) {
            errors.reject(field, "help.error." + field + ".too-long", MAX_TEXT);
            return null;
        }
        if (FormErrors.looksLikeMarkup(stripped)) {
            // issue 18, bad input: a script tag is refused with a clear message, nothing saved (as every other text field)
            errors.reject(field, "help.error." + field + ".html");
            return null;
        }
        return stripped;
    }
}
