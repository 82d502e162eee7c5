package org.dphub.monitoring.letters;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.people.ContactPreference;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormError;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Letters to people: written from the council's own template (if it saved one) or the shipped one,
 * in the person's language, sent the way they prefer (email, text or post) through GOV.UK
 * Notify when it is set up — otherwise they wait in the outbox, which shows exactly what would
 * have gone.
 */
@Service
public class Letters {

    private final LetterRepository repository;
    private final Citizens citizens;
    private final Councils councils;
    private final NotifyGateway notify;
    private final LetterPdf pdf;
    private final AuditTrail audit;
    private final org.springframework.context.MessageSource messages;

    Letters(LetterRepository repository, Citizens citizens, Councils councils, NotifyGateway notify, LetterPdf pdf, AuditTrail audit,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.repository = repository;
        this.citizens = citizens;
        this.councils = councils;
        this.notify = notify;
        this.pdf = pdf;
        this.audit = audit;
    }

    /** Writes and sends a letter to a person this staff member may see. {@code values} fill the template's {placeholders}. */
    @Transactional
    public Letter send(SignedInUser staff, long citizenId, LetterKind kind, Map<String, String> values) {
        Citizen citizen = citizens.find(staff, citizenId).filter(c -> staff.isStaffOf(c.councilId())).orElseThrow(NotFound::new);
        return write(staff, citizen, kind, values, null).orElseThrow();
    }

    /**
     * A letter the service writes by itself, with no one signed in (a reminder job's event), as the
     * council's direct payments team would: at most once for {@code key}, so an event delivered
     * again (after a crash, or on restart) writes nothing the second time. Empty when it was written before.
     */
    @Transactional
    public Optional<Letter> sendOnce(long councilId, long citizenId, LetterKind kind, Map<String, String> values, String key) {
        Council council = councils.findById(councilId).orElseThrow(NotFound::new);
        SignedInUser service = new SignedInUser(0, "dphub (" + kind.name().toLowerCase(Locale.ROOT).replace('_', '-') + ")",
                "dphub", council.id(), council.code(), java.util.EnumSet.of(Role.DP_TEAM), "en", false);
        Citizen citizen = citizens.find(service, citizenId).orElseThrow(NotFound::new);
        return write(service, citizen, kind, values, key);
    }

    private Optional<Letter> write(SignedInUser staff, Citizen citizen, LetterKind kind, Map<String, String> values, String idempotencyKey) {
        Council council = councils.findById(citizen.councilId()).orElseThrow();
        String language = "cy".equals(citizen.preferredLanguage()) ? "cy" : "en";
        LetterRepository.Template template = template(council.id(), kind, language);
        Map<String, String> all = new HashMap<>();
        all.put("name", citizen.givenName());
        all.put("council", language.equals("cy") ? council.nameCy() : council.name());
        all.put("phone", language.equals("cy") ? "rhif arferol y cyngor" : "the council's usual number");
        Locale locale = Locale.forLanguageTag(language);
        values.forEach((key, value) -> all.put(key, localised(value, locale)));
        String subject = fill(template.subject(), all);
        String body = fill(template.body(), all);
        String channel = channel(citizen);
        String recipient = switch (channel) {
            case "EMAIL" -> citizen.email();
            case "TEXT" -> citizen.phone();
            default -> citizen.fullName() + ", " + citizen.postcode();
        };
        Optional<Long> written = repository.insert(council.id(), citizen.id(), kind, language, channel, recipient, subject, body,
                staff.username(), idempotencyKey);
        if (written.isEmpty()) {
            return Optional.empty();
        }
        long id = written.get();
        audit.record(council.id(), "letter", id, AuditAction.CREATE, null, AuditTrail.values("citizenId", citizen.id(),
                "kind", kind.name(), "language", language, "channel", channel));
        Letter letter = repository.find(id).orElseThrow();
        if (notify.configured()) {
            try {
                repository.sent(id, notify.send(letter, channel.equals("LETTER") ? pdf.render(letter) : null));
            } catch (RuntimeException e) {
                repository.failed(id, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
            }
            letter = repository.find(id).orElseThrow();
        }
        return Optional.of(letter);
    }

    /**
     * Values are written for the reader: an ISO date becomes "1 July 2026" (or "1 Gorffennaf 2026"),
     * and a return period's name ("QUARTERLY") the word for it ("quarter", "chwarter").
     */
    private String localised(String value, Locale locale) {
        if (value == null) {
            return "";
        }
        if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
            return java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", locale).format(java.time.LocalDate.parse(value));
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
    LetterRepository.Template template(long councilId, LetterKind kind, String language) {
        return repository.councilTemplate(councilId, kind, language).orElseGet(() -> shipped(kind, language));
    }

    public static LetterRepository.Template shipped(LetterKind kind, String language) {
        try (InputStream in = Letters.class.getResourceAsStream("/" + kind.fileName(language))) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int newline = text.indexOf('\n');
            return new LetterRepository.Template(text.substring(0, newline).strip(), text.substring(newline + 1).strip());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A letter's wording for a council: its own if it saved one, else the shipped one. */
    public record Wording(LetterKind kind, String language, String subject, String body, boolean councilsOwn,
                          java.util.Set<String> placeholders) {
    }

    /** Every letter's wording in both languages, for the council's administrators and DP team. */
    @Transactional(readOnly = true)
    public List<Wording> wordings(SignedInUser staff) {
        mayChangeWording(staff);
        List<Wording> all = new java.util.ArrayList<>();
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
    public static java.util.Set<String> placeholders(LetterKind kind) {
        java.util.Set<String> names = new java.util.TreeSet<>(List.of("name", "council", "phone"));
        for (String language : List.of("en", "cy")) {
            LetterRepository.Template shipped = shipped(kind, language);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{([^{}\\s]{1,40})}").matcher(shipped.subject() + "\n" + shipped.body());
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

    @Transactional(readOnly = true)
    public List<Letter> outbox(SignedInUser staff) {
        return staff.isStaff() ? repository.forCouncil(staff.councilId(), 200) : List.of();
    }

    /** A letter, for staff of its council or the person it was written to (and those acting for them). */
    @Transactional(readOnly = true)
    public Optional<Letter> find(SignedInUser user, long id) {
        return repository.find(id).filter(l -> citizens.find(user, l.citizenId()).isPresent());
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
