package org.dphub.rights;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.directory.Directory;
import org.dphub.directory.Organization;
import org.dphub.help.HelpKind;
import org.dphub.help.HelpRequests;
import org.dphub.identity.UserAccounts;
import org.dphub.marketplace.PaProfile;
import org.dphub.marketplace.PaProfiles;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.Representative;
import org.dphub.rights.internal.RedactionRepository;
import org.dphub.rights.internal.UndoneErasures;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.dphub.shared.personaldata.PersonalDataSource.Kept;
import org.dphub.shared.personaldata.PersonalDataSource.PaRedaction;
import org.dphub.shared.personaldata.PersonalDataSource.ProviderRedaction;
import org.dphub.shared.personaldata.PersonalDataSource.Redacted;
import org.dphub.shared.personaldata.PersonalDataSource.Redaction;
import org.dphub.shared.personaldata.PersonalDataSource.RepresentativeRedaction;
import org.dphub.shared.personaldata.PersonalDataSource.Section;
import org.dphub.shared.personaldata.PersonalDataSource.Table;
import org.dphub.web.FormErrors;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The rights module's public face (issue 17, UK GDPR). Who may do what:
 * <ul>
 * <li>a citizen's subject access: the person, those who act for them, and their council's
 *     practitioners, DP team and administrators (finance officers and budget holders see the money
 *     they need through their own pages, not a whole record: 403); anyone else "not found";</li>
 * <li>a PA's: the PA, and the DP team of the council they registered with;</li>
 * <li>one's own ({@code /me}): anyone signed in;</li>
 * <li>erasure: the DP team or an administrator of the person's council; the person (or someone
 *     acting for them) asks for it, which puts a request in the DP team's help queue;</li>
 * <li>a PA's erasure (leaving the register): the DP team or an administrator of the council the PA
 *     registered with; the PA asks for it from "Your data", into that team's help queue;</li>
 * <li>a provider's erasure (leaving the directory): the provider themself, on "Your data", or the DP team or an
 *     administrator of the council whose DP team checks them, when they ask another way.</li>
 * </ul>
 * Every answer is audited: who asked, for whom, in which form.
 */
@Service
public class PersonalDataRights {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PersonalDataRights.class);

    /** Who is recorded as carrying out the erasure of a PA who erased their own data: not their name or email, which it removes. */
    public static final String THE_PA_THEMSELF = "the PA themself";
    /** Who is recorded as carrying out the erasure of a provider who left the directory themself. */
    public static final String THE_PROVIDER_THEMSELF = "the provider themself";

    static final String SUBJECT_ACCESS = "subject_access";
    static final String ERASURE = "personal_data_erasure";
    /** The order of sections in an answer; a module not named here comes after them. */
    static final List<String> ORDER = List.of("person", "account", "plans", "money", "one-off-payments", "monitoring", "letters",
            "employment", "find-a-pa", "providers", "help", "peer-support", "feedback", "rights", "audit");
    private static final ZoneId UK = ZoneId.of("Europe/London");

    private final List<PersonalDataSource> sources;
    private final Citizens citizens;
    private final UserAccounts accounts;
    private final PaProfiles profiles;
    private final Directory directory;
    private final HelpRequests help;
    private final AuditTrail audit;
    private final RedactionRepository redactions;
    private final UndoneErasures undone;
    private final MessageSource messages;
    private final Clock clock;
    private final TransactionTemplate transactions;
    private final int retentionYears;

    PersonalDataRights(List<PersonalDataSource> sources, Citizens citizens, UserAccounts accounts, PaProfiles profiles,
                       Directory directory, HelpRequests help, AuditTrail audit, RedactionRepository redactions, UndoneErasures undone,
                       MessageSource messages, Clock clock,
                       PlatformTransactionManager transactionManager,
                       @Value("${dphub.rights.money-records-years:6}") int retentionYears) {
        this.sources = sources.stream().sorted(java.util.Comparator.comparingInt(s -> order(s.section()))).toList();
        this.citizens = citizens;
        this.accounts = accounts;
        this.profiles = profiles;
        this.directory = directory;
        this.help = help;
        this.audit = audit;
        this.redactions = redactions;
        this.undone = undone;
        this.messages = messages;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        if (retentionYears < 1) {
            throw new IllegalArgumentException("dphub.rights.money-records-years must be at least 1, not " + retentionYears);
        }
        this.retentionYears = retentionYears;
    }

    private static int order(String section) {
        int i = ORDER.indexOf(section);
        return i < 0 ? ORDER.size() : i;
    }

    /** Every source, for the test that checks each table with a citizen_id is covered. */
    public List<PersonalDataSource> sources() {
        return sources;
    }

    /** How many years the money records are kept after the direct payment ends. */
    public int retentionYears() {
        return retentionYears;
    }

    /** The citizen, if this user may ask for their whole record; staff of the council without a role that may: 403. */
    @Transactional(readOnly = true)
    public Optional<Citizen> citizenFor(SignedInUser user, long citizenId) {
        Optional<Citizen> citizen = citizens.find(user, citizenId);
        if (citizen.isPresent() && user.isStaffOf(citizen.get().councilId()) && !mayAskAsStaff(user)
                && accounts.relationshipTo(user.userId(), citizenId).isEmpty()) {
            throw new AccessDeniedException("subject access is for practitioners, the DP team and administrators");
        }
        return citizen;
    }

    /** Whether this member of staff may ask for a person's whole record. */
    public static boolean mayAskAsStaff(SignedInUser user) {
        return user.has(Role.PRACTITIONER) || user.has(Role.DP_TEAM) || user.has(Role.COUNCIL_ADMIN);
    }

    /**
     * The erasures that a restore from a backup undid, for the DP team or an administrator of the council
     * (other staff and everyone else: 403): those still to carry out again first, then those carried out
     * again, each with the name the restored record holds and the page it is carried out from.
     */
    @Transactional(readOnly = true)
    public List<ErasureUndone> erasuresUndoneByRestore(SignedInUser staff) {
        if (!staff.isStaff() || staff.councilId() == null || !mayErase(staff)) {
            throw new AccessDeniedException("the erasures a restore undid are for the DP team and administrators");
        }
        long council = staff.councilId();
        return undone.ofCouncil(council).stream().map(u -> switch (u.whose()) {
                    case "person" -> {
                        Optional<Citizen> c = citizens.find(staff, Long.parseLong(u.subjectId())).filter(x -> x.councilId() == council);
                        yield undone(u, c.map(Citizen::fullName).orElse(null), "/citizens/" + u.subjectId() + "/personal-data#erase");
                    }
                    case "PA" -> undone(u, profiles.registeredWith(staff, Long.parseLong(u.subjectId())).map(PaProfile::displayName)
                            .orElse(null), "/pa-profiles/" + u.subjectId() + "/personal-data#erase");
                    case "representative" -> {
                        Optional<Representative> r = citizens.representativeForTheCouncil(council, Long.parseLong(u.subjectId()));
                        yield undone(u, r.map(Representative::name).orElse(null),
                                r.map(x -> "/citizens/" + x.citizenId() + "/personal-data#representatives").orElse(null));
                    }
                    default -> undone(u, directory.organization(UUID.fromString(u.subjectId())).filter(o -> o.councilId() == council)
                            .map(Organization::name).orElse(null), "/providers/" + u.subjectId() + "/personal-data#erase");
                })
                .sorted(java.util.Comparator.comparing((ErasureUndone e) -> !e.pending())
                        .thenComparing(ErasureUndone::restoredAt, java.util.Comparator.reverseOrder())
                        .thenComparing(ErasureUndone::erasedAt))
                .toList();
    }

    private static ErasureUndone undone(UndoneErasures.Row u, String name, String page) {
        return new ErasureUndone(u.whose(), u.subjectId(), name, u.erasedAt(), u.erasedBy(), u.restoredAt(), u.backup(),
                name == null ? null : page, u.erasedAgainAt());
    }

    /** How many erasures a restore undid are still to carry out again, for the DP team or an administrator (else 0). */
    @Transactional(readOnly = true)
    public long erasuresToCarryOutAgain(SignedInUser staff) {
        return staff.isStaff() && staff.councilId() != null && mayErase(staff) ? undone.pending(staff.councilId()) : 0;
    }

    /**
     * Carries out again, each in a transaction of its own, the erasures a restore undid of PAs who registered
     * with no council and left the register themselves: no council's DP team can, and they asked. Recorded as
     * before, by {@link #THE_PA_THEMSELF}. One the restored data refuses (an employer the backup still shows)
     * is left, and logged with what to settle; one that fails is logged, and dphub starts all the same. Returns how
     * many it carried out; run at start-up and before the nightly retention step, so each left is tried again.
     */
    public int carryOutAgainWhatPasDidThemselves() {
        int done = 0;
        for (long profileId : undone.pendingWithNoCouncil()) {
            Optional<PaProfile> p = profiles.signInOf(profileId).flatMap(profiles::ownProfile)
                    .filter(x -> x.id() == profileId && x.registeredCouncilId() == null);
            if (p.isEmpty()) {
                continue;
            }
            try {
                transactions.executeWithoutResult(status -> erasePaUnlessRefused(p.get(), THE_PA_THEMSELF));
                done++;
            } catch (ErasureRefused refused) {
                if (refused.settleFirst().contains("rights.block.pa-already-erased")) {
                    continue; // another instance, starting at the same time, did it
                }
                LOG.warn("A restore from a backup undid the erasure of PA profile {}, who left the register themself, and it cannot be"
                        + " carried out again until these are settled: {}", profileId, refused.settleFirst());
            } catch (RuntimeException failed) {
                // dphub still starts; the next start tries again
                LOG.error("A restore from a backup undid the erasure of PA profile {}, who left the register themself, and carrying it"
                        + " out again failed; dphub tries again tonight and at its next start", profileId, failed);
            }
        }
        return done;
    }

    /** Whether this member of staff may erase a person's details. */
    public static boolean mayErase(SignedInUser user) {
        return user.has(Role.DP_TEAM) || user.has(Role.COUNCIL_ADMIN);
    }

    /** A citizen's whole record, audited; empty when the user may not see them. */
    @Transactional
    public Optional<SubjectAccess> forCitizen(SignedInUser user, long citizenId, String format) {
        return citizenFor(user, citizenId).map(c -> {
            audit.record(c.councilId(), SUBJECT_ACCESS, c.id(), AuditAction.CREATE, null, asked(user, "citizen", c.id(), format));
            return citizenRecord(c);
        });
    }

    private SubjectAccess citizenRecord(Citizen c) {
        List<Long> own = accounts.ownAccountsOf(c.id());
        List<Section> sections = new ArrayList<>();
        for (PersonalDataSource source : sources) {
            List<Table> tables = new ArrayList<>();
            source.forCitizen(c.councilId(), c.id()).ifPresent(s -> tables.addAll(s.tables()));
            for (long user : own) {
                source.forUser(user).ifPresent(s -> tables.addAll(s.tables()));
            }
            if (!tables.isEmpty()) {
                sections.add(new Section(source.section(), merge(tables)));
            }
        }
        return new SubjectAccess("citizen", c.id(), c.fullName(), clock.instant(), sections);
    }

    /** Tables of one key (from the person's record and their own sign-in) as one. */
    private static List<Table> merge(List<Table> tables) {
        Map<String, List<Map<String, Object>>> byKey = new LinkedHashMap<>();
        tables.forEach(t -> byKey.computeIfAbsent(t.key(), k -> new ArrayList<>()).addAll(t.rows()));
        return byKey.entrySet().stream().map(e -> new Table(e.getKey(), e.getValue())).toList();
    }

    /** The signed-in user's own record: their account, and their record as a citizen if they are one. */
    @Transactional
    public SubjectAccess forMe(SignedInUser user, String format) {
        Optional<Citizen> self = accounts.citizenAccessFor(user.userId()).stream()
                .filter(a -> a.relationship() == org.dphub.identity.CitizenRelationship.SELF)
                .findFirst().flatMap(a -> citizens.find(user, a.citizenId()));
        if (self.isPresent()) {
            audit.record(self.get().councilId(), SUBJECT_ACCESS, self.get().id(), AuditAction.CREATE, null,
                    asked(user, "citizen", self.get().id(), format));
            return citizenRecord(self.get());
        }
        audit.record(user.councilId(), SUBJECT_ACCESS, "user-" + user.userId(), AuditAction.CREATE, null,
                asked(user, "user", user.userId(), format));
        return userRecord(user.userId(), user.displayName());
    }

    /** A PA's record by their profile: the PA themself, or the DP team of the council they registered with. */
    @Transactional
    public Optional<SubjectAccess> forPaProfile(SignedInUser user, long profileId, String format) {
        return profiles.view(user, profileId).filter(PaProfiles.ProfileView::full).map(PaProfiles.ProfileView::profile)
                .filter(p -> p.userId() != null)
                .filter(p -> p.userId() == user.userId() || (user.has(Role.DP_TEAM) && p.registeredCouncilId() != null
                        && user.isStaffOf(p.registeredCouncilId())))
                .map(p -> {
                    audit.record(p.registeredCouncilId(), SUBJECT_ACCESS, "user-" + p.userId(), AuditAction.CREATE, null,
                            asked(user, "user", p.userId(), format));
                    return userRecord(p.userId(), name(p));
                });
    }

    private static String name(PaProfile p) {
        return p.displayName();
    }

    private SubjectAccess userRecord(long userId, String name) {
        List<Section> sections = new ArrayList<>();
        for (PersonalDataSource source : sources) {
            source.forUser(userId).ifPresent(sections::add);
        }
        return new SubjectAccess("user", userId, name, clock.instant(), sections);
    }

    private static Map<String, Object> asked(SignedInUser user, String kind, long id, String format) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("askedBy", user.username());
        values.put(kind.equals("citizen") ? "citizenId" : "userId", id);
        values.put("format", format);
        return values;
    }

    /**
     * Erases the person's details where no law keeps them, in one transaction, recorded and
     * audited; refused with what to settle first (nothing changed) while money is held.
     */
    @Transactional
    public Erasure erase(SignedInUser staff, long citizenId) {
        Citizen c = citizens.find(staff, citizenId).filter(x -> staff.isStaffOf(x.councilId()))
                .orElseThrow(org.dphub.web.NotFound::new);
        if (!mayErase(staff)) {
            throw new AccessDeniedException("erasure is for the DP team and administrators");
        }
        redactions.holdErasure("citizen", c.id());
        if (redactions.exists(c.id(), "ERASURE")) {
            throw new ErasureRefused("rights.error.refused", List.of("rights.block.already-erased"), false);
        }
        List<String> blocks = new ArrayList<>();
        sources.forEach(s -> blocks.addAll(s.blocksErasure(c.councilId(), c.id())));
        if (!blocks.isEmpty()) {
            throw new ErasureRefused("rights.error.refused", blocks, false);
        }
        return carryOut(c.councilId(), c.id(), "ERASURE", staff.username(), PersonalDataSource::erase);
    }

    private Erasure carryOut(long councilId, long citizenId, String step, String by,
                             java.util.function.BiFunction<PersonalDataSource, Redaction, Redacted> work) {
        return recordedStep(councilId, Map.of("citizenId", citizenId), step, by, () -> redactions.begin(councilId, citizenId, step, by),
                id -> new Redaction(id, councilId, citizenId, accounts.ownAccountsOf(citizenId), LocalDate.now(clock.withZone(UK))),
                work, () -> redactions.of(councilId, citizenId));
    }

    /**
     * One recorded step (erasure or retention) about a person, a PA or a former representative: its row
     * begun, every source asked to do its part, the row finished with what was removed and kept, the step
     * audited under {@code subject} (citizenId; paProfileId; representativeId with the citizenId of the
     * person they acted for) in the name of {@code by}, who is recorded as having carried it out,
     * and the step read back as it is stored.
     */
    private <R> Erasure recordedStep(Long councilId, Map<String, Object> subject, String step, String by,
                                     java.util.function.LongSupplier begin,
                                     java.util.function.LongFunction<R> redactionOf,
                                     java.util.function.BiFunction<PersonalDataSource, R, Redacted> work,
                                     java.util.function.Supplier<List<Erasure>> steps) {
        long id = begin.getAsLong();
        R redaction = redactionOf.apply(id);
        Redacted all = Redacted.NOTHING;
        for (PersonalDataSource source : sources) {
            all = all.and(work.apply(source, redaction));
        }
        List<String> removed = all.removed().stream().distinct().toList();
        List<Kept> kept = all.kept().stream().distinct().toList();
        redactions.finish(id, removed, kept);
        Map<String, Object> values = new LinkedHashMap<>();
        values.putAll(subject);
        values.put("step", step);
        values.put("removed", removed);
        values.put("kept", kept.stream().map(k -> Map.of("what", k.what(), "why", k.why())).toList());
        audit.recordAs(by, councilId, ERASURE, id, AuditAction.CREATE, null, values);
        return steps.get().stream().filter(e -> e.id() == id).findFirst().orElseThrow();
    }

    /**
     * Erases the details of someone who acted for the person and no longer does, at their request (issue 17),
     * in one transaction, recorded and audited on the person's record: their email address, the recorded
     * values of changes to their row, and their sign-in unless it is used for anything else. Their name stays
     * on the person's record as who acted for them, and until when. Refused (nothing changed) while they
     * still act, or when it was done already; for the DP team or an administrator of the person's council.
     */
    @Transactional
    public Erasure eraseRepresentative(SignedInUser staff, long citizenId, long representativeId) {
        Citizen c = citizens.find(staff, citizenId).filter(x -> staff.isStaffOf(x.councilId()))
                .orElseThrow(org.dphub.web.NotFound::new);
        if (!mayErase(staff)) {
            throw new AccessDeniedException("erasure is for the DP team and administrators");
        }
        Representative r = citizens.representatives(staff, citizenId).stream().filter(x -> x.id() == representativeId).findFirst()
                .orElseThrow(org.dphub.web.NotFound::new);
        redactions.holdErasure("representative", representativeId);
        if (redactions.existsRepresentative(representativeId, "ERASURE")) {
            throw new ErasureRefused("rights.error.refused", List.of("rights.block.representative-already-erased"), false);
        }
        if (r.current()) {
            throw new ErasureRefused("rights.error.refused", List.of("rights.block.representative-acts"), false);
        }
        boolean close = r.userId() != null && accounts.onlyAFormerRepresentative(r.userId());
        LocalDate today = LocalDate.now(clock.withZone(UK));
        String by = staff.username();
        return recordedStep(c.councilId(), Map.of("representativeId", representativeId, "citizenId", c.id()), "ERASURE", by,
                () -> redactions.beginRepresentative(c.councilId(), representativeId, "ERASURE", by),
                id -> new RepresentativeRedaction(id, c.councilId(), c.id(), representativeId, r.userId(), close, today),
                PersonalDataSource::eraseRepresentative, () -> redactions.ofRepresentatives(c.councilId(), List.of(representativeId)));
    }

    /**
     * Whether this user acted for people and now acts for nobody, their account being a representative's alone:
     * they may ask the DP team of their account's council to erase their details (issue 17).
     */
    @Transactional(readOnly = true)
    public boolean mayAskAsFormerRepresentative(SignedInUser user) {
        return !user.isStaff() && user.has(Role.REPRESENTATIVE) && user.councilId() != null
                && accounts.onlyAFormerRepresentative(user.userId());
    }

    /**
     * Someone who acted for people and no longer does asks for their details to be erased: a request of kind
     * "something else" in the help queue of their account's council, naming whom they acted for, which the
     * DP team carries out on each person's data page ({@link #eraseRepresentative}).
     */
    @Transactional
    public Optional<Long> requestRepresentativeErasure(SignedInUser user, Locale locale, FormErrors errors) {
        if (!mayAskAsFormerRepresentative(user)) {
            throw new org.dphub.web.NotFound();
        }
        String language = "cy".equals(locale.getLanguage()) ? "cy" : "en";
        List<String> actedFor = citizens.formerlyActedFor(user);
        String text = messages.getMessage("rights.request.representative-text", new Object[] {user.displayName(),
                actedFor.isEmpty() ? "-" : String.join(", ", actedFor)}, Locale.forLanguageTag(language));
        return help.ask(user, null, HelpKind.OTHER, text, language, errors);
    }

    /**
     * The people who acted for this person, on the person's data page: those who no longer do and whose details
     * are not yet erased (only for staff who may erase them), and the erasures carried out, each with the name
     * it was for. One read of the representatives and one of the steps.
     */
    @Transactional(readOnly = true)
    public FormerRepresentatives formerRepresentatives(SignedInUser staff, long citizenId) {
        Citizen c = citizens.find(staff, citizenId).filter(x -> staff.isStaffOf(x.councilId())).orElseThrow(org.dphub.web.NotFound::new);
        List<Representative> all = citizens.representatives(staff, citizenId);
        List<Erasure> steps = redactions.ofRepresentatives(c.councilId(), all.stream().map(Representative::id).toList());
        java.util.Set<Long> erased = steps.stream().map(Erasure::representativeId).collect(java.util.stream.Collectors.toSet());
        Map<Long, String> names = new LinkedHashMap<>();
        all.forEach(r -> names.put(r.id(), r.name()));
        return new FormerRepresentatives(
                mayErase(staff) ? all.stream().filter(r -> !r.current() && !erased.contains(r.id())).toList() : List.of(),
                steps.stream().map(e -> new ErasedRepresentative(names.get(e.representativeId()), e)).toList());
    }

    /** {@link #formerRepresentatives}'s answer. */
    public record FormerRepresentatives(List<Representative> mayBeErased, List<ErasedRepresentative> erased) {
    }

    /** An erasure carried out for someone who acted for the person, with their name as the person's record keeps it. */
    public record ErasedRepresentative(String name, Erasure erasure) {
    }

    /** The erasure and retention steps carried out for a person this user may see. */
    @Transactional(readOnly = true)
    public List<Erasure> erasures(SignedInUser user, long citizenId) {
        return citizens.find(user, citizenId).map(c -> redactions.of(c.councilId(), c.id())).orElse(List.of());
    }

    /**
     * The person (or someone acting for them) asks for their data to be erased: a request of kind
     * "something else" in the DP team's help queue, who carry it out on the person's page.
     */
    @Transactional
    public Optional<Long> requestErasure(SignedInUser person, long citizenId, Locale locale, FormErrors errors) {
        Citizen c = citizens.find(person, citizenId).filter(x -> !person.isStaff()).orElseThrow(org.dphub.web.NotFound::new);
        String language = "cy".equals(locale.getLanguage()) ? "cy" : "en";
        String text = messages.getMessage("rights.request.text", new Object[] {c.fullName()}, Locale.forLanguageTag(language));
        return help.ask(person, c.id(), HelpKind.OTHER, text, language, errors);
    }

    /**
     * Erases a PA who has left the register (issue 17), in one transaction, recorded and audited: the
     * DP team or an administrator of the council the PA registered with (anyone else: not found; a
     * practitioner of that council: 403). Refused, nothing changed, while an employer still employs
     * them, pay worked out for them is not yet approved, or a cover shift is still to come.
     */
    @Transactional
    public Erasure erasePa(SignedInUser staff, long profileId) {
        PaProfile p = profiles.registeredWith(staff, profileId).orElseThrow(org.dphub.web.NotFound::new);
        if (!mayErase(staff)) {
            throw new AccessDeniedException("erasure is for the DP team and administrators");
        }
        return erasePaUnlessRefused(p, staff.username());
    }

    /** Erases the PA, recorded under the council they registered with (or none) in the name of {@code by}; refused while something is unsettled. */
    private Erasure erasePaUnlessRefused(PaProfile p, String by) {
        boolean themself = THE_PA_THEMSELF.equals(by);
        String refused = themself ? "rights.error.pa-leave-refused" : "rights.error.pa-refused";
        redactions.holdErasure("pa", p.id());
        if (redactions.existsPa(p.id(), "ERASURE")) {
            throw new ErasureRefused(refused, List.of("rights.block.pa-already-erased"), themself);
        }
        LocalDate today = LocalDate.now(clock.withZone(UK));
        List<String> blocks = new ArrayList<>();
        sources.forEach(s -> blocks.addAll(s.blocksPaErasure(p.id(), p.userId(), today)));
        if (!blocks.isEmpty()) {
            throw new ErasureRefused(refused, blocks, themself);
        }
        return carryOutPa(p.registeredCouncilId(), p.id(), p.userId(), "ERASURE", by, PersonalDataSource::erasePa);
    }

    private Erasure carryOutPa(Long councilId, long profileId, long userId, String step, String by,
                               java.util.function.BiFunction<PersonalDataSource, PaRedaction, Redacted> work) {
        return recordedStep(councilId, Map.of("paProfileId", profileId), step, by, () -> redactions.beginPa(councilId, profileId, step, by),
                id -> new PaRedaction(id, councilId, profileId, userId, LocalDate.now(clock.withZone(UK))),
                work, () -> redactions.ofPa(profileId));
    }

    /** The PA's profile, for the staff of the council they registered with who may carry out their rights; else not found. */
    @Transactional(readOnly = true)
    public PaProfile paFor(SignedInUser staff, long profileId) {
        return profiles.registeredWith(staff, profileId).filter(p -> mayErase(staff)).orElseThrow(org.dphub.web.NotFound::new);
    }

    /** The erasure and retention steps carried out for a PA, for the staff of the council they registered with. */
    @Transactional(readOnly = true)
    public List<Erasure> paErasures(SignedInUser staff, long profileId) {
        return profiles.registeredWith(staff, profileId).map(p -> redactions.ofPa(p.id())).orElse(List.of());
    }

    /** The signed-in PA's own profile, if they have one on the register (for "Your data"). */
    @Transactional(readOnly = true)
    public Optional<PaProfile> ownPaProfile(SignedInUser pa) {
        return pa.has(Role.PERSONAL_ASSISTANT) ? profiles.ownProfile(pa.userId()) : Optional.empty();
    }

    /**
     * A PA asks to leave the register and be erased: a request of kind "something else" in the help
     * queue of the DP team of the council they registered with, who carry it out. A PA who registered
     * with no council does it themself ({@link #leaveRegister}), so is refused here (the field {@code erasure}).
     */
    @Transactional
    public Optional<Long> requestPaErasure(SignedInUser pa, Locale locale, FormErrors errors) {
        PaProfile p = ownPaProfile(pa).orElseThrow(org.dphub.web.NotFound::new);
        if (p.registeredCouncilId() == null || pa.councilId() == null || !p.registeredCouncilId().equals(pa.councilId())) {
            errors.reject("erasure", "rights.error.pa-no-council");
            return Optional.empty();
        }
        String language = "cy".equals(locale.getLanguage()) ? "cy" : "en";
        String text = messages.getMessage("rights.request.pa-text", new Object[] {p.displayName(), p.id()}, Locale.forLanguageTag(language));
        return help.ask(pa, null, HelpKind.OTHER, text, language, errors);
    }

    /**
     * Whether the signed-in PA leaves the register themself, on "Your data": a PA who registered with no
     * council (the national self sign-up), whose erasure no council's DP team carries out. A PA who
     * registered with a council asks that council's DP team ({@link #requestPaErasure}).
     */
    @Transactional(readOnly = true)
    public boolean leavesRegisterThemself(SignedInUser pa) {
        return profileLeavingThemself(pa).isPresent();
    }

    private Optional<PaProfile> profileLeavingThemself(SignedInUser pa) {
        return ownPaProfile(pa).filter(p -> p.registeredCouncilId() == null && p.status() != org.dphub.marketplace.PaProfileStatus.ERASED);
    }

    /**
     * A PA who registered with no council leaves the register and erases their own data (issue 17): the
     * same step, in one transaction, as a council's erasure of a PA ({@link #erasePa}), recorded with no
     * council and carried out by {@link #THE_PA_THEMSELF}. Their sign-in is closed by it, so the caller ends
     * their session. Anyone else (a PA who registered with a council, a citizen, staff): not found.
     * Refused, nothing changed, while an employer still employs them, pay worked out for them is not
     * yet approved, or a cover shift is still to come.
     */
    @Transactional
    public Erasure leaveRegister(SignedInUser pa) {
        return erasePaUnlessRefused(profileLeavingThemself(pa).orElseThrow(org.dphub.web.NotFound::new), THE_PA_THEMSELF);
    }

    /**
     * Erases a provider who leaves the directory (issue 17), at their request, in one transaction, recorded and
     * audited: the DP team or an administrator of the council whose DP team checks the provider (anyone else: not
     * found; other staff of that council: 403). Refused, nothing changed, while money is still to be paid to them, a
     * person's regular payment to them is not stopped, a request for payment is not settled, or buying together is
     * not finished.
     */
    @Transactional
    public Erasure eraseProvider(SignedInUser staff, UUID organizationId) {
        Organization o = directory.organization(organizationId).filter(x -> staff.isStaffOf(x.councilId()))
                .orElseThrow(org.dphub.web.NotFound::new);
        if (!mayErase(staff)) {
            throw new AccessDeniedException("erasure is for the DP team and administrators");
        }
        return eraseProviderUnlessRefused(o, staff.username());
    }

    /**
     * A provider leaves the directory and erases their own data, on "Your data": the same step as
     * {@link #eraseProvider}, carried out by {@link #THE_PROVIDER_THEMSELF}. Their sign-in is closed by it, so the caller
     * ends their session. Anyone without an organisation of their own: not found.
     */
    @Transactional
    public Erasure leaveDirectory(SignedInUser provider) {
        return eraseProviderUnlessRefused(directory.ownOrganization(provider).orElseThrow(org.dphub.web.NotFound::new),
                THE_PROVIDER_THEMSELF);
    }

    private Erasure eraseProviderUnlessRefused(Organization o, String by) {
        boolean themself = THE_PROVIDER_THEMSELF.equals(by);
        String refused = themself ? "rights.error.provider-leave-refused" : "rights.error.provider-refused";
        redactions.holdErasure("provider", o.id());
        if (redactions.existsProvider(o.id(), "ERASURE")) {
            throw new ErasureRefused(refused, List.of("rights.block.provider-already-erased"), themself);
        }
        LocalDate today = LocalDate.now(clock.withZone(UK));
        List<String> blocks = new ArrayList<>();
        sources.forEach(s -> blocks.addAll(s.blocksProviderErasure(o.id(), today)));
        if (!blocks.isEmpty()) {
            throw new ErasureRefused(refused, blocks, themself);
        }
        return carryOutProvider(o, "ERASURE", by, PersonalDataSource::eraseProvider);
    }

    private Erasure carryOutProvider(Organization o, String step, String by,
                                     java.util.function.BiFunction<PersonalDataSource, ProviderRedaction, Redacted> work) {
        List<UUID> services = directory.serviceIdsOf(o.id());
        return recordedStep(o.councilId(), Map.of("organizationId", o.id().toString()), step, by,
                () -> redactions.beginProvider(o.councilId(), o.id(), step, by),
                id -> new ProviderRedaction(id, o.councilId(), o.id(), services, o.userId(), LocalDate.now(clock.withZone(UK))),
                work, () -> redactions.ofProvider(o.id()));
    }

    /** The provider's organisation, for the staff of the council whose DP team checks it who may erase it; else not found. */
    @Transactional(readOnly = true)
    public Organization providerFor(SignedInUser staff, UUID organizationId) {
        return directory.organization(organizationId).filter(o -> staff.isStaffOf(o.councilId()) && mayErase(staff))
                .orElseThrow(org.dphub.web.NotFound::new);
    }

    /**
     * A provider's whole record (subject access) by their organisation: what their sign-in holds (its account, the
     * organisation and services as they gave them, the help they asked for), for the DP team or an administrator of the
     * council whose DP team checks it; audited. Empty for an organisation with no sign-in (from a council's feed): it
     * holds no one's record beyond its listing.
     */
    @Transactional
    public Optional<SubjectAccess> forProvider(SignedInUser staff, UUID organizationId, String format) {
        Organization o = providerFor(staff, organizationId);
        if (o.userId() == null) {
            return Optional.empty();
        }
        audit.record(o.councilId(), SUBJECT_ACCESS, "user-" + o.userId(), AuditAction.CREATE, null, asked(staff, "user", o.userId(), format));
        return Optional.of(userRecord(o.userId(), o.name()));
    }

    /** The erasure and retention steps carried out for a provider, for the staff of the council whose DP team checks it. */
    @Transactional(readOnly = true)
    public List<Erasure> providerErasures(SignedInUser staff, UUID organizationId) {
        return directory.organization(organizationId).filter(o -> staff.isStaffOf(o.councilId()))
                .map(o -> redactions.ofProvider(o.id())).orElse(List.of());
    }

    /** The signed-in provider's own organisation, if they have one (for "Your data"). */
    @Transactional(readOnly = true)
    public Optional<Organization> ownOrganisation(SignedInUser provider) {
        return directory.ownOrganization(provider);
    }

    /**
     * The retention step: for each erased person whose money records' time is up (the last direct
     * payment ended {@code retentionYears} ago, or they had none), anonymises those records, each
     * person in a transaction of its own; the same for erased PAs (from their last employment's end)
     * and providers (from the last payment to them). Returns how many it anonymised.
     */
    public int applyRetention(LocalDate today) {
        int done = 0;
        for (long[] person : redactions.awaitingRetention()) {
            long council = person[0];
            long citizen = person[1];
            Optional<LocalDate> from = sources.stream().map(s -> s.moneyRecordsFrom(council, citizen)).flatMap(Optional::stream)
                    .max(LocalDate::compareTo);
            if (from.isPresent() && from.get().plusYears(retentionYears).isAfter(today)) {
                continue;
            }
            transactions.executeWithoutResult(status -> carryOut(council, citizen, "RETENTION", AuditTrail.SYSTEM_ACTOR,
                    PersonalDataSource::anonymiseMoneyRecords));
            done++;
        }
        // PAs who left the register: their payroll records are kept for the years after their last employment ended
        for (RedactionRepository.PaAwaiting pa : redactions.paAwaitingRetention()) {
            Long council = pa.councilId();
            long profile = pa.paProfileId();
            Optional<Long> user = profiles.signInOf(profile);
            if (user.isEmpty()) {
                continue;
            }
            Optional<LocalDate> from = sources.stream().map(s -> s.paMoneyRecordsFrom(profile, user.get())).flatMap(Optional::stream)
                    .max(LocalDate::compareTo);
            if (from.isPresent() && from.get().plusYears(retentionYears).isAfter(today)) {
                continue;
            }
            transactions.executeWithoutResult(status -> carryOutPa(council, profile, user.get(), "RETENTION", AuditTrail.SYSTEM_ACTOR,
                    PersonalDataSource::anonymisePaMoneyRecords));
            done++;
        }
        // providers who left the directory: the money records naming them are kept for the years after the last payment to them
        for (RedactionRepository.ProviderAwaiting provider : redactions.providersAwaitingRetention()) {
            Optional<LocalDate> from = sources.stream().map(s -> s.providerMoneyRecordsFrom(provider.organizationId()))
                    .flatMap(Optional::stream).max(LocalDate::compareTo);
            if (from.isPresent() && from.get().plusYears(retentionYears).isAfter(today)) {
                continue;
            }
            Optional<Organization> o = directory.organization(provider.organizationId());
            if (o.isEmpty()) {
                continue;
            }
            transactions.executeWithoutResult(status -> carryOutProvider(o.get(), "RETENTION", AuditTrail.SYSTEM_ACTOR,
                    PersonalDataSource::anonymiseProviderMoneyRecords));
            done++;
        }
        return done;
    }
}
