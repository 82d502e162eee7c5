package org.dphub.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.letters.internal.LetterRepository;
import org.dphub.letters.internal.NotifyGateway;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.ContactPreference;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormError;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters to people, for every module: written from the council's own template (if it saved one)
 * or the shipped one, in the person's language, for the way they prefer (email, text or post).
 *
 * <p>Writing a letter only stores it, in the caller's transaction: with GOV.UK Notify set up it is
 * PENDING and {@link LetterDeliveries} sends it once the transaction has committed (and retries
 * with back-off); without Notify it stays in the outbox, exactly as it would have gone. So a
 * rolled-back transaction sends nothing, and a slow Notify never holds one open.
 */
@Service
public class Letters {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}\\s]{1,40})}");

    private final LetterRepository repository;
    private final Citizens citizens;
    private final Councils councils;
    private final NotifyGateway notify;
    private final LetterDeliveries deliveries;
    private final LetterPdf pdf;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final Clock clock;

    Letters(LetterRepository repository, Citizens citizens, Councils councils, NotifyGateway notify, LetterDeliveries deliveries,
            LetterPdf pdf, AuditTrail audit, MessageSource messages, Clock clock) {
        this.repository = repository;
        this.citizens = citizens;
        this.councils = councils;
        this.notify = notify;
        this.deliveries = deliveries;
        this.pdf = pdf;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    /** Writes a letter to a person this staff member may see. {@code values} fill the template's {placeholders}. */
    @Transactional
    public Letter send(SignedInUser staff, long citizenId, LetterKind kind, Map<String, String> values) {
        return write(staff, draft(staff, citizenId, kind, values), null).orElseThrow();
    }

    /**
     * A letter the service writes by itself, with no one signed in (a reminder job's event), as the
     * council's direct payments team would: at most once for {@code key}, so an event delivered
     * again (after a crash, or on restart) writes nothing the second time. Empty when it was written before.
     */
    @Transactional
    public Optional<Letter> sendOnce(long councilId, long citizenId, LetterKind kind, Map<String, String> values, String key) {
        Council council = councils.findById(councilId).orElseThrow(NotFound::new);
        SignedInUser service = service(council, kind);
        return write(service, draft(service, citizenId, kind, values), key);
    }

    /**
     * A PA on the register as the module writing to them knows them (letters knows no PAs): the
     * profile, the name to greet them by, their email and phone, and the language they asked for
     * ({@code "cy"} or {@code "en"}; null when they never said).
     */
    public record PaReader(long profileId, String name, String email, String phone, String language) {
    }

    /**
     * A letter the service writes by itself to a PA (a PA asked for cover, issue 18), as the council's
     * direct payments team would, at most once for {@code key}. By email, else by text; a PA with
     * neither is not written to (empty, as when it was written before). In the PA's language if
     * they said one; else in English, or — where the council works in Welsh ({@code welshLanguage})
     * — in Welsh and English, Welsh first (Welsh Language Standards: correspondence in both unless
     * the reader chose one).
     */
    @Transactional
    public Optional<Letter> sendOnceToPa(long councilId, PaReader pa, LetterKind kind, Map<String, String> values, String key) {
        Council council = councils.findById(councilId).orElseThrow(NotFound::new);
        return sendOnceTo(council, new Reader(pa.profileId(), null, null, pa.name(), pa.email(), pa.phone(), pa.language()), kind, values,
                key, AuditTrail.values("paProfileId", pa.profileId()));
    }

    /**
     * Someone who acted for a person, as the module writing to them knows them: their representative row, the
     * person they acted for, the name to greet them by, their email (null when none was recorded) and the
     * language of their sign-in ({@code "cy"} or {@code "en"}; null when they have none or never said).
     */
    public record RepresentativeReader(long representativeId, long citizenId, String name, String email, String language) {
    }

    /**
     * A letter the service writes by itself to someone who acted for a person (they stopped, issue 17), at most
     * once for {@code key}: by email only, as their row keeps no phone or address, so none when no email was
     * recorded (empty). {@code {person}} is the person's full name. Languages as for a PA. Kept with
     * {@code about_citizen_id}, so erasing the person blanks it too.
     */
    @Transactional
    public Optional<Letter> sendOnceToRepresentative(long councilId, RepresentativeReader representative, LetterKind kind,
                                                     Map<String, String> values, String key) {
        Council council = councils.findById(councilId).orElseThrow(NotFound::new);
        Citizen person = citizens.find(service(council, kind), representative.citizenId()).orElseThrow(NotFound::new);
        Map<String, String> all = new HashMap<>(values);
        all.put("person", person.fullName());
        return sendOnceTo(council, new Reader(null, representative.representativeId(), person.id(), representative.name(),
                representative.email(), null, representative.language()), kind, all, key,
                AuditTrail.values("representativeId", representative.representativeId(), "citizenId", person.id()));
    }

    /** Whom a letter the service writes by itself goes to, when it is not a person: a PA, or someone who acted for a person. */
    private record Reader(Long paProfileId, Long representativeId, Long aboutCitizenId, String name, String email, String phone,
                          String language) {
    }

    /**
     * Writes a letter to a PA or a representative: by email, else by text; nobody with neither is written to (empty, as
     * when it was written before). In the reader's language if they said one; else in English, or — where the
     * council works in Welsh ({@code welshLanguage}) — in Welsh and English, Welsh first (Welsh Language Standards:
     * correspondence in both unless the reader chose one). Audited with {@code who}.
     */
    private Optional<Letter> sendOnceTo(Council council, Reader reader, LetterKind kind, Map<String, String> values, String key,
                                        Map<String, Object> who) {
        String channel = present(reader.email()) ? "EMAIL" : present(reader.phone()) ? "TEXT" : null;
        if (channel == null) {
            return Optional.empty();
        }
        List<String> languages = "cy".equals(reader.language()) ? List.of("cy") : "en".equals(reader.language()) ? List.of("en")
                : councils.settings(council.id()).settings().welshLanguage() ? List.of("cy", "en") : List.of("en");
        List<String> subjects = new ArrayList<>();
        List<String> bodies = new ArrayList<>();
        for (String language : languages) {
            LetterRepository.Template template = template(council.id(), kind, language);
            Map<String, String> all = new HashMap<>();
            all.put("name", reader.name());
            all.put("council", language.equals("cy") ? council.nameCy() : council.name());
            all.put("phone", language.equals("cy") ? "rhif arferol y cyngor" : "the council's usual number");
            Locale locale = Locale.forLanguageTag(language);
            values.forEach((name, value) -> all.put(name, localised(value, locale)));
            subjects.add(fill(template.subject(), all));
            bodies.add(fill(template.body(), all));
        }
        LetterDraft draft = new LetterDraft(council.id(), null, reader.paProfileId(), reader.representativeId(), reader.aboutCitizenId(),
                kind, languages.get(0), channel, channel.equals("EMAIL") ? reader.email().strip() : reader.phone().strip(),
                String.join(" / ", subjects), String.join("\n\n----\n\n", bodies));
        SignedInUser service = service(council, kind);
        DeliveryStatus status = DeliveryTransitions.apply(null, notify.configured()
                ? DeliveryTransitions.Event.WRITE_WITH_NOTIFY : DeliveryTransitions.Event.WRITE_WITHOUT_NOTIFY).orElseThrow();
        Optional<Long> written = repository.insert(draft, status, clock.instant(), service.username(), key);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        long id = written.get();
        Map<String, Object> audited = new java.util.LinkedHashMap<>(who);
        audited.putAll(AuditTrail.values("kind", kind.name(), "language", draft.language(), "channel", channel));
        audit.record(council.id(), "letter", id, AuditAction.CREATE, null, audited);
        if (status == DeliveryStatus.PENDING) {
            deliveries.wakeUpAfterCommit();
        }
        return repository.find(id);
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    private static SignedInUser service(Council council, LetterKind kind) {
        return new SignedInUser(0, "dphub (" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")",
                "dphub", council.id(), council.code(), EnumSet.of(Role.DP_TEAM), "en", false);
    }

    /**
     * The letter filled in for a person this staff member may see, in their language and for their
     * channel, without writing it: for a caller that keeps the text with its own record before
     * {@link #write} stores exactly that text.
     */
    @Transactional(readOnly = true)
    public LetterDraft draft(SignedInUser staff, long citizenId, LetterKind kind, Map<String, String> values) {
        Citizen citizen = citizens.find(staff, citizenId).filter(c -> staff.isStaffOf(c.councilId())).orElseThrow(NotFound::new);
        Council council = councils.findById(citizen.councilId()).orElseThrow();
        String language = "cy".equals(citizen.preferredLanguage()) ? "cy" : "en";
        LetterRepository.Template template = template(council.id(), kind, language);
        Map<String, String> all = new HashMap<>();
        all.put("name", citizen.givenName());
        all.put("council", language.equals("cy") ? council.nameCy() : council.name());
        all.put("phone", language.equals("cy") ? "rhif arferol y cyngor" : "the council's usual number");
        Locale locale = Locale.forLanguageTag(language);
        values.forEach((key, value) -> all.put(key, localised(value, locale)));
        String channel = channel(citizen);
        String recipient = switch (channel) {
            case "EMAIL" -> citizen.email();
            case "TEXT" -> citizen.phone();
            default -> citizen.fullName() + ", " + citizen.postcode();
        };
        return new LetterDraft(council.id(), citizen.id(), null, null, null, kind, language, channel, recipient, fill(template.subject(), all),
                fill(template.body(), all));
    }

    /**
     * Stores the letter, in the caller's transaction, at most once for {@code idempotencyKey} (when
     * given; empty when it was written before). With Notify set up it waits to be sent once the
     * transaction commits; without, it is kept in the outbox.
     */
    @Transactional
    public Optional<Letter> write(SignedInUser staff, LetterDraft draft, String idempotencyKey) {
        if (draft.citizenId() == null) {
            throw new IllegalArgumentException("A letter to a PA or a representative is written by sendOnceToPa or sendOnceToRepresentative");
        }
        citizens.find(staff, draft.citizenId())
                .filter(c -> staff.isStaffOf(c.councilId()) && c.councilId() == draft.councilId()).orElseThrow(NotFound::new);
        DeliveryStatus status = DeliveryTransitions.apply(null, notify.configured()
                ? DeliveryTransitions.Event.WRITE_WITH_NOTIFY : DeliveryTransitions.Event.WRITE_WITHOUT_NOTIFY).orElseThrow();
        Optional<Long> written = repository.insert(draft, status, clock.instant(), staff.username(), idempotencyKey);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        long id = written.get();
        audit.record(draft.councilId(), "letter", id, AuditAction.CREATE, null, AuditTrail.values("citizenId", draft.citizenId(),
                "kind", draft.kind().name(), "language", draft.language(), "channel", draft.channel()));
        if (status == DeliveryStatus.PENDING) {
            deliveries.wakeUpAfterCommit();
        }
        return repository.find(id);
    }

    /** Whether letters can be sent at all (GOV.UK Notify is set up); without it they are kept in the outbox. */
    public boolean canSend() {
        return notify.configured();
    }

    /**
     * Staff of the letter's council send a letter that was not sent again: it waits to be sent, with
     * its attempts counted from 1, and the job is woken once this commits. Another council's letter
     * is not found; a letter that did not fail, or with Notify not set up, is refused.
     */
    @Transactional
    public Letter sendAgain(SignedInUser staff, long id) {
        Letter letter = repository.find(id).filter(l -> staff.isStaff() && staff.isStaffOf(l.councilId())).orElseThrow(NotFound::new);
        if (!notify.configured()) {
            throw new Conflict("GOV.UK Notify is not set up, so no letter can be sent");
        }
        DeliveryStatus to = DeliveryTransitions.apply(letter.delivery().status(), DeliveryTransitions.Event.SEND_AGAIN)
                .orElseThrow(() -> new Conflict("Only a letter that was not sent can be sent again"));
        if (!repository.sendAgain(id, clock.instant())) {
            throw new Conflict("Only a letter that was not sent can be sent again");
        }
        audit.record(letter.councilId(), "letter", id, AuditAction.UPDATE,
                AuditTrail.values("status", letter.status(), "failureReason", String.valueOf(letter.delivery().failureReason())),
                letter.citizenId() != null
                        ? AuditTrail.values("citizenId", letter.citizenId(), "status", to.name(), "sentAgainBy", staff.username())
                        : letter.paProfileId() != null
                        ? AuditTrail.values("paProfileId", letter.paProfileId(), "status", to.name(), "sentAgainBy", staff.username())
                        : AuditTrail.values("representativeId", letter.representativeId(), "status", to.name(), "sentAgainBy", staff.username()));
        deliveries.wakeUpAfterCommit();
        return repository.find(id).orElseThrow();
    }

    /**
     * Values are written for the reader: an ISO date becomes "1 July 2026" (or "1 Gorffennaf 2026"),
     * a return period's name ("QUARTERLY") the word for it ("quarter", "chwarter"), and
     * {@code msg:letters.<key>} the message with that key in the letter's language.
     */
    private String localised(String value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(LocalDate.parse(value));
        }
        if (value.startsWith("msg:letters.")) {
            // words the writing module chose, in the letter's language ("ending the next day")
            return messages.getMessage(value.substring(4), null, "", locale);
        }
        if (value.matches("MONTHLY|QUARTERLY|HALF_YEARLY|YEARLY")) {
            return messages.getMessage("letters.period." + value, null, value, locale);
        }
        return value;
    }

    private static String channel(Citizen citizen) {
        if (citizen.contactPreference() == ContactPreference.EMAIL && citizen.email() != null && !citizen.email().isBlank()) {
            return "EMAIL";
        }
        if (citizen.contactPreference() == ContactPreference.TEXT && citizen.phone() != null && !citizen.phone().isBlank()) {
            return "TEXT";
        }
        return "LETTER";
    }

    static String fill(String text, Map<String, String> values) {
        String out = text;
        for (Map.Entry<String, String> value : values.entrySet()) {
            out = out.replace("{" + value.getKey() + "}", value.getValue() == null ? "" : value.getValue());
        }
        return out;
    }

    /** The council's template if it saved one, else the shipped one (first line the subject). */
    private LetterRepository.Template template(long councilId, LetterKind kind, String language) {
        return repository.councilTemplate(councilId, kind, language).orElseGet(() -> shipped(kind, language));
    }

    private static LetterRepository.Template shipped(LetterKind kind, String language) {
        try (InputStream in = Letters.class.getResourceAsStream("/" + kind.fileName(language))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new LetterRepository.Template(text.substring(0, newline).strip(), text.substring(newline + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A letter's wording for a council: its own if it saved one, else the shipped one. */
    public record Wording(LetterKind kind, String language, String subject, String body, boolean councilsOwn, Set<String> placeholders) {
    }

    /** Every letter's wording in both languages, for the council's administrators and DP team. */
    @Transactional(readOnly = true)
    public List<Wording> wordings(SignedInUser staff) {
        mayChangeWording(staff);
        List<Wording> all = new ArrayList<>();
        for (LetterKind kind : LetterKind.values()) {
            for (String language : List.of("en", "cy")) {
                all.add(wording(staff, kind, language));
            }
        }
        return all;
    }

    @Transactional(readOnly = true)
    public Wording wording(SignedInUser staff, LetterKind kind, String language) {
        mayChangeWording(staff);
        Optional<LetterRepository.Template> own = repository.councilTemplate(staff.councilId(), kind, language);
        LetterRepository.Template template = own.orElseGet(() -> shipped(kind, language));
        return new Wording(kind, language, template.subject(), template.body(), own.isPresent(), placeholders(kind));
    }

    /** The wording the service ships with, to start again from. */
    public static Wording shippedWording(LetterKind kind, String language) {
        LetterRepository.Template template = shipped(kind, language);
        return new Wording(kind, language, template.subject(), template.body(), false, placeholders(kind));
    }

    /** The {placeholders} a letter of this kind can use: the shipped ones, in either language, and the ones always filled in. */
    public static Set<String> placeholders(LetterKind kind) {
        Set<String> names = new TreeSet<>(List.of("name", "council", "phone"));
        for (String language : List.of("en", "cy")) {
            LetterRepository.Template shipped = shipped(kind, language);
            Matcher m = PLACEHOLDER.matcher(shipped.subject() + "\n" + shipped.body());
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    private static void mayChangeWording(SignedInUser staff) {
        if (!(staff.has(Role.COUNCIL_ADMIN) || staff.has(Role.DP_TEAM)) || staff.councilId() == null) {
            throw new AccessDeniedException("Only council administrators and the direct payments team change letters");
        }
    }

    /**
     * A council saves its own wording: refused, with what to change, if it reads as a threat,
     * (in English) has a reading ease under 60, or has a {placeholder} we cannot fill.
     */
    @Transactional
    public void saveTemplate(SignedInUser staff, LetterKind kind, String language, String subject, String body) {
        mayChangeWording(staff);
        List<LetterWording.Problem> problems = LetterWording.check(subject + "\n\n" + body, Locale.forLanguageTag(language),
                placeholders(kind));
        if (!problems.isEmpty()) {
            throw new ValidationProblem(problems.stream().map(p -> new FormError("body", p.english())).toList());
        }
        repository.saveTemplate(staff.councilId(), kind, language, subject, body, staff.username());
        audit.record(staff.councilId(), "letter_template", kind.name() + "/" + language, AuditAction.CREATE, null,
                AuditTrail.values("subject", subject, "body", body));
    }

    /** The letters staff see on /outbox: their council's newest 200 ({@code onlyFailed}: those not sent), and how many were not sent. */
    public record Outbox(List<Letter> letters, long failed) {
    }

    @Transactional(readOnly = true)
    public Outbox outbox(SignedInUser staff, boolean onlyFailed) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return new Outbox(List.of(), 0);
        }
        return new Outbox(repository.forCouncil(staff.councilId(), onlyFailed, 200), repository.failedForCouncil(staff.councilId()));
    }

    /**
     * A letter, for staff of its council or the person it was written to (and those acting for them);
     * a letter to a PA, for staff of its council (the PA reads what it tells of on their own pages).
     */
    @Transactional(readOnly = true)
    public Optional<Letter> find(SignedInUser user, long id) {
        return repository.find(id).filter(l -> l.citizenId() != null ? citizens.find(user, l.citizenId()).isPresent()
                : user.isStaffOf(l.councilId()));
    }

    /** Every attempt to send a letter the user may see, newest first. */
    @Transactional(readOnly = true)
    public List<LetterAttempt> attempts(SignedInUser user, long id) {
        return find(user, id).map(l -> repository.attempts(l.id())).orElseThrow(NotFound::new);
    }

    @Transactional(readOnly = true)
    public List<Letter> forCitizen(SignedInUser user, long citizenId) {
        return repository.forCitizen(citizens.find(user, citizenId).orElseThrow(NotFound::new).id());
    }

    @Transactional(readOnly = true)
    public byte[] pdf(SignedInUser user, long id) {
        return pdf.render(find(user, id).orElseThrow(NotFound::new));
    }
}
