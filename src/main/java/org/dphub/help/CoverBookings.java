package org.dphub.help;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.employment.EmploymentTerms;
import org.dphub.employment.Employments;
import org.dphub.help.internal.CoverBookingRepository;
import org.dphub.marketplace.CoverOffers;
import org.dphub.marketplace.CoverShift;
import org.dphub.marketplace.MarketplaceSettings;
import org.dphub.marketplace.NationalLivingWagePolicy;
import org.dphub.marketplace.Skill;
import org.dphub.councils.Councils;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.Conflict;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.context.MessageSource;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Cover when a PA is off (issue 18), the help module's public face for it. An employer (the person,
 * or a representative acting for them) says when cover is needed — today or tomorrow only — and
 * finds cover PAs through the marketplace's matching ({@link CoverOffers}); they ask one or more;
 * each PA accepts or declines ({@link CoverTransitions}). Accepting engages the PA through
 * {@link Employments#engageForCover}, so the shift is paid through the PA's timesheet and the next
 * payroll. Each side is told at once by a letter ({@link CoverLetters}). Who may see a booking: the employer's side and staff of the person's council, and the PA
 * asked; anyone else is told "not found".
 */
@Service
public class CoverBookings {

    static final String ENTITY = "cover_booking";
    public static final int MAX_NEEDS = 2000;
    public static final long MAX_RATE_PENCE = 100_000;
    private static final ZoneId UK = ZoneId.of("Europe/London");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm");

    /** A cover shift as typed (dates as ISO yyyy-MM-dd, times as 09:00); the rate and needs only when asking. */
    public record Typed(String date, String startTime, String endTime, String needs, String hourlyRate, List<String> skills,
                        List<String> interests) {
    }

    /** A shift read and checked: the day, the times, what is needed, the rate offered, wanted skills and interests. */
    public record Wanted(CoverShift shift, String needs, Money hourlyRate, Set<Skill> skills, List<String> interests) {
    }

    /** What the PA gives when accepting: the legal name and date of birth for the employment, the HMRC starter statement. */
    public record Acceptance(String givenName, String familyName, LocalDate dateOfBirth, String starterDeclaration) {
    }

    private final CoverBookingRepository repository;
    private final CoverOffers offers;
    private final Citizens citizens;
    private final Councils councils;
    private final Employments employments;
    private final MarketplaceSettings marketplace;
    private final AuditTrail audit;
    private final MessageSource messages;
    private final CoverLetters letters;
    private final Clock clock;

    CoverBookings(CoverBookingRepository repository, CoverOffers offers, Citizens citizens, Councils councils, Employments employments,
                  MarketplaceSettings marketplace, AuditTrail audit, MessageSource messages, CoverLetters letters, Clock clock) {
        this.repository = repository;
        this.offers = offers;
        this.citizens = citizens;
        this.councils = councils;
        this.employments = employments;
        this.marketplace = marketplace;
        this.audit = audit;
        this.messages = messages;
        this.letters = letters;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    /** The time of day now, on a UK clock. */
    LocalTime now() {
        return LocalTime.now(clock.withZone(UK));
    }

    /** Whether the shift is over: its end (the next morning, for a night shift) has come. */
    public boolean ended(CoverBooking booking) {
        return ended(booking.day(), booking.start(), booking.end());
    }

    private boolean ended(LocalDate day, LocalTime start, LocalTime end) {
        return !java.time.LocalDateTime.now(clock.withZone(UK)).isBefore(new CoverShift(day, start, end).endsAt());
    }

    /**
     * Reads a shift, adding what to fix to {@code errors}: the date today or tomorrow only (a day that
     * has passed, or later than tomorrow, is refused), times as 09:00 with the end another time than
     * the start (earlier: the next day, a night shift) and, today, the start still to come,
     * and — when {@code booking} — what is needed and a rate not below the National Living Wage.
     * {@code rateField} names the rate's field ({@code hourlyRatePence} in the API, {@code hourlyRate} on pages).
     */
    public Wanted read(Typed typed, boolean booking, String rateField, FormErrors errors) {
        LocalDate today = today();
        LocalDate day = null;
        if (typed.date() == null || typed.date().isBlank()) {
            errors.reject("date", "cover.error.date.required");
        } else {
            try {
                day = LocalDate.parse(typed.date().strip());
                if (day.isBefore(today)) {
                    errors.reject("date", "cover.error.date.past");
                    day = null;
                } else if (day.isAfter(today.plusDays(1))) {
                    errors.reject("date", "cover.error.date.too-far");
                    day = null;
                }
            } catch (DateTimeParseException e) {
                errors.reject("date", "cover.error.date.invalid");
            }
        }
        LocalTime start = time(typed.startTime(), "startTime", errors);
        LocalTime end = time(typed.endTime(), "endTime", errors);
        if (start != null && today.equals(day) && !start.isAfter(now())) {
            // cover for a shift already under way cannot be found in time: ask for the rest of it
            errors.reject("startTime", "cover.error.startTime.passed", now().format(TIME));
            start = null;
        }
        if (start != null && end != null && end.equals(start)) {
            errors.reject("endTime", "cover.error.end-same-as-start");
            end = null;
        }
        String needs = errors.text("needs", typed.needs(), MAX_NEEDS, booking, "cover.label.needs");
        Money rate = null;
        if (booking) {
            rate = rate(typed.hourlyRate(), rateField, day, errors);
        }
        Set<Skill> skills = new java.util.LinkedHashSet<>();
        for (String code : typed.skills() == null ? List.<String>of() : typed.skills()) {
            Optional<Skill> skill = Skill.fromCode(code).or(() -> parseEnum(code));
            skill.ifPresentOrElse(skills::add, () -> errors.reject("skills", "cover.error.skill"));
        }
        List<String> interests = new ArrayList<>();
        for (String tag : typed.interests() == null ? List.<String>of() : typed.interests()) {
            String t = tag == null ? "" : tag.strip().toLowerCase(Locale.ROOT).replace('_', '-');
            if (!org.dphub.marketplace.Interest.TAG.matcher(t).matches() || interests.size() >= 30) {
                errors.reject("interests", "cover.error.interest");
                break;
            }
            if (!interests.contains(t)) {
                interests.add(t);
            }
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new Wanted(new CoverShift(day, start, end), needs, rate, skills, interests);
    }

    private static Optional<Skill> parseEnum(String name) {
        try {
            return Optional.of(Skill.valueOf(name.strip().toUpperCase(Locale.ROOT)));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static LocalTime time(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            errors.reject(field, "cover.error." + field + ".required");
            return null;
        }
        try {
            return LocalTime.parse(text.strip(), TIME);
        } catch (DateTimeParseException e) {
            errors.reject(field, "cover.error.time");
            return null;
        }
    }

    private Money rate(String text, String field, LocalDate day, FormErrors errors) {
        Money rate;
        try {
            rate = text != null && text.startsWith("pence:") ? Money.ofPence(Long.parseLong(text.substring(6))) : Money.parse(text);
        } catch (RuntimeException e) {
            errors.reject(field, "cover.error.rate");
            return null;
        }
        if (!rate.isGreaterThan(Money.ZERO) || rate.pence() > MAX_RATE_PENCE) {
            errors.reject(field, "cover.error.rate");
            return null;
        }
        Optional<NationalLivingWagePolicy.Refusal> refusal = marketplace.nationalLivingWage()
                .check(rate, day == null ? today() : day, today());
        if (refusal.isPresent()) {
            errors.reject(field, "cover.error.rate.nlw", refusal.get().nationalLivingWage().formatWithPence());
            return null;
        }
        return rate;
    }

    /** The person, if this user is on their employer's side (themself or a representative); staff and PAs are refused. */
    public Citizen employer(SignedInUser user, long citizenId) {
        Citizen citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        if (user.isStaff() || !(user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) || !employments.isEmployerSideOf(user, citizenId)) {
            throw new AccessDeniedException("Only the person or someone acting for them finds cover");
        }
        return citizen;
    }

    /** The rate to offer by default: what the employer pays their PA now, else the council's PA rate. */
    @Transactional(readOnly = true)
    public Money defaultRate(Citizen citizen) {
        return employments.termsForCover(citizen.id()).map(EmploymentTerms::hourlyRate)
                .orElseGet(() -> councils.settings(citizen.councilId()).settings().paHourlyRate());
    }

    /** Whether the employer has employer's liability insurance in force (from an employment) that a cover PA's employment can use. */
    @Transactional(readOnly = true)
    public boolean insured(long citizenId) {
        return employments.termsForCover(citizenId).isPresent();
    }

    /** PAs already booked (accepted or worked) for cover at some time during the shift. */
    private java.util.Set<Long> busy(Wanted wanted) {
        return repository.busyProfiles(wanted.shift().startsAt(), wanted.shift().endsAt());
    }

    /** Cover PAs for the shift, soonest available first, then the best match; never a PA already booked for cover then. */
    @Transactional(readOnly = true)
    public List<CoverOffers.CoverCandidate> search(SignedInUser user, long citizenId, Wanted wanted) {
        Citizen citizen = employer(user, citizenId);
        return offers.candidates(user, new CoverOffers.CoverSearch(citizenId, citizen.councilId(), citizen.postcode(), wanted.shift(),
                (wanted.hourlyRate() == null ? defaultRate(citizen) : wanted.hourlyRate()).pence(), wanted.skills(),
                wanted.interests(), today(), busy(wanted)), 50);
    }

    /**
     * The employer asks a cover PA. The PA must be one the search finds for this shift (live, offering
     * cover, their notice and times fitting, not booked for other cover then); the employer must have
     * insurance a cover employment can use. Asking the same PA again for the same shift is a conflict. Nothing is saved on a refusal.
     */
    @Transactional
    public CoverBooking request(SignedInUser user, long citizenId, long profileId, Wanted wanted, FormErrors errors) {
        Citizen citizen = employer(user, citizenId);
        if (!insured(citizenId)) {
            errors.reject("insurance", "cover.error.no-insurance");
        }
        java.util.Set<Long> busy = busy(wanted);
        if (busy.contains(profileId)) {
            errors.reject("profileId", "cover.error.pa-booked");
        }
        boolean fits = offers.candidates(user, new CoverOffers.CoverSearch(citizenId, citizen.councilId(), citizen.postcode(),
                        wanted.shift(), wanted.hourlyRate().pence(), wanted.skills(), wanted.interests(), today(), busy), Integer.MAX_VALUE)
                .stream().anyMatch(c -> c.profileId() == profileId);
        CoverOffers.CoverPa pa = offers.coverPa(profileId).orElse(null);
        if (!fits || pa == null || pa.userId() == null) {
            errors.reject("profileId", "cover.error.pa-not-available");
        }
        errors.throwIfAny();
        Instant now = clock.instant();
        String contact = firstNonBlank(citizen.phone(), citizen.email(), user.username());
        long id = repository.insert(new CoverBookingRepository.NewBooking(citizen.councilId(), citizenId, profileId, pa.userId(),
                        pa.displayName(), wanted.shift().day(), wanted.shift().start(), wanted.shift().end(), wanted.needs(),
                        wanted.hourlyRate().pence(), citizen.postcode().outward(), citizen.fullName(), contact, user.userId(), now))
                .orElseThrow(() -> new Conflict("You have already asked this PA to cover this shift."));
        audit.record(citizen.councilId(), "cover_booking", id, AuditAction.CREATE, null, AuditTrail.values("citizenId", citizenId,
                "profileId", profileId, "paName", pa.displayName(), "date", wanted.shift().day().toString(),
                "start", wanted.shift().start().toString(), "end", wanted.shift().end().toString(),
                "hourlyRate", wanted.hourlyRate().formatWithPence(), "status", CoverStatus.REQUESTED.name()));
        // cover is for today or tomorrow: the PA is told at once, not only on their home page
        letters.requested(repository.find(id).orElseThrow());
        return find(user, id).orElseThrow();
    }

    private static String firstNonBlank(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return "";
    }

    /** A booking as this user may see it; otherwise empty. */
    @Transactional(readOnly = true)
    public Optional<CoverBooking> find(SignedInUser user, long id) {
        return repository.find(id).flatMap(row -> view(user, row));
    }

    /** The bookings this user made (for everyone they act for) or, for a PA, was asked for; newest first. */
    @Transactional(readOnly = true)
    public List<CoverBooking> mine(SignedInUser user) {
        List<CoverBookingRepository.Row> rows = new ArrayList<>();
        if (user.has(Role.PERSONAL_ASSISTANT)) {
            rows.addAll(repository.forPa(user.userId()));
        }
        if (!user.isStaff()) {
            rows.addAll(repository.forCitizens(citizens.actingFor(user).stream().map(c -> c.citizen().id()).toList()));
        }
        return rows.stream().distinct().map(r -> view(user, r)).flatMap(Optional::stream).toList();
    }

    /** Requests waiting for this PA's answer, today or later (for their home page). */
    @Transactional(readOnly = true)
    public long waitingForPa(SignedInUser pa) {
        return repository.countWaitingForPa(pa.userId(), java.time.LocalDateTime.now(clock.withZone(UK)));
    }

    private Optional<CoverBooking> view(SignedInUser user, CoverBookingRepository.Row r) {
        CoverTransitions.Side side;
        if (r.paUserId() == user.userId()) {
            side = CoverTransitions.Side.PA;
        } else if (citizens.find(user, r.citizenId()).isPresent()) {
            side = CoverTransitions.Side.EMPLOYER;
        } else {
            return Optional.empty();
        }
        CoverStatus status = CoverStatus.valueOf(r.status());
        boolean shared = status == CoverStatus.ACCEPTED || status == CoverStatus.WORKED;
        String paPhone = null;
        String paEmail = null;
        if (side == CoverTransitions.Side.EMPLOYER && shared) {
            Optional<CoverOffers.CoverPa> pa = offers.coverPa(r.profileId());
            paPhone = pa.map(CoverOffers.CoverPa::phone).orElse(null);
            paEmail = pa.map(CoverOffers.CoverPa::email).orElse(null);
        }
        boolean employerShown = side == CoverTransitions.Side.EMPLOYER || shared;
        // before the PA accepts, they do not learn who asked (the name of whoever acted is a contact detail too)
        boolean namesShown = side == CoverTransitions.Side.EMPLOYER || shared;
        List<CoverBooking.Change> history = repository.history(r.id()).stream()
                .map(e -> new CoverBooking.Change(CoverStatus.valueOf(e.status()), namesShown ? e.byName() : null, e.at())).toList();
        return Optional.of(new CoverBooking(r.id(), r.councilId(), r.citizenId(), r.profileId(), r.paName(), r.day(), r.start(), r.end(),
                r.needs(), Money.ofPence(r.hourlyRatePence()), r.district(), status, r.employmentId(), side,
                employerShown ? r.employerName() : null, employerShown && shared || side == CoverTransitions.Side.EMPLOYER
                        ? r.employerContact() : null, paPhone, paEmail, history));
    }

    /**
     * A refusal the booking's state or the PA's other cover makes (answered 409), with its words in
     * the reader's language for pages ({@code key} and {@code args}); the message is the English.
     */
    public static final class Refused extends Conflict {
        private final String key;
        private final transient Object[] args;

        Refused(MessageSource messages, String key, Object... args) {
            super(messages.getMessage(key, args, key, Locale.ENGLISH));
            this.key = key;
            this.args = args;
        }

        public String key() {
            return key;
        }

        public Object[] args() {
            return args.clone();
        }
    }

    /**
     * The PA asked accepts: they are engaged by the employer for the shift (an employment made if
     * there is none, {@link Employments#engageForCover}) and each side sees the other's contact
     * details. A shift that has ended can no longer be accepted, nor one overlapping cover the PA
     * has already accepted ({@link Refused}). Throws what to fix.
     */
    @Transactional
    public CoverBooking accept(SignedInUser pa, long id, Acceptance acceptance, FormErrors errors) {
        repository.lockPa(pa.userId());
        CoverBookingRepository.Row row = repository.findForUpdate(id).filter(r -> r.paUserId() == pa.userId()).orElseThrow(NotFound::new);
        CoverStatus next = next(row, CoverTransitions.Event.ACCEPT, CoverTransitions.Side.PA);
        if (ended(row.day(), row.start(), row.end())) {
            throw new Refused(messages, "cover.error.accept.ended");
        }
        CoverShift shift = new CoverShift(row.day(), row.start(), row.end());
        Optional<CoverBookingRepository.Row> other = repository.overlappingForPa(pa.userId(), shift.startsAt(), shift.endsAt(), row.id());
        if (other.isPresent()) {
            throw new Refused(messages, "cover.error.accept.overlap", other.get().start().format(TIME), other.get().end().format(TIME));
        }
        Employments.CoverEngagement engagement = employments.engageForCover(pa, row.citizenId(), acceptance.givenName(),
                acceptance.familyName(), acceptance.dateOfBirth(), acceptance.starterDeclaration(), row.day(),
                Money.ofPence(row.hourlyRatePence()), errors);
        CoverBooking accepted = change(pa, row, next, engagement.employment().id());
        letters.accepted(row);
        return accepted;
    }

    @Transactional
    public CoverBooking decline(SignedInUser pa, long id) {
        CoverBookingRepository.Row row = repository.findForUpdate(id).filter(r -> r.paUserId() == pa.userId()).orElseThrow(NotFound::new);
        CoverBooking declined = change(pa, row, next(row, CoverTransitions.Event.DECLINE, CoverTransitions.Side.PA), null);
        letters.declined(row);
        return declined;
    }

    /** Either side calls it off: the PA asked, or the employer's side (the person or someone acting for them). */
    @Transactional
    public CoverBooking cancel(SignedInUser user, long id) {
        CoverBookingRepository.Row row = repository.findForUpdate(id).orElseThrow(NotFound::new);
        return change(user, row, next(row, CoverTransitions.Event.CANCEL, side(user, row)), null);
    }

    /** The employer's side says the cover shift was worked. */
    @Transactional
    public CoverBooking worked(SignedInUser user, long id) {
        CoverBookingRepository.Row row = repository.findForUpdate(id).orElseThrow(NotFound::new);
        return change(user, row, next(row, CoverTransitions.Event.WORKED, side(user, row)), null);
    }

    /**
     * The employer approved the PA's timesheet for the employment a cover booking engaged them on
     * ({@link CoverWorkedFromTimesheets}): accepted cover on a day the timesheet shows work on was
     * worked, by the employer's word. Already worked, cancelled or other days: nothing changes.
     * Returns how many bookings it marked.
     */
    @Transactional
    public int workedByTimesheet(org.dphub.employment.TimesheetApproved approved) {
        int marked = 0;
        for (CoverBookingRepository.Row row : repository.acceptedOn(approved.employmentId(), approved.workedOn())) {
            CoverStatus next = CoverTransitions.apply(CoverStatus.valueOf(row.status()), CoverTransitions.Event.WORKED,
                    CoverTransitions.Side.EMPLOYER).orElseThrow();
            repository.changeStatus(row.id(), row.councilId(), next.name(), null, approved.approvedByUserId(), clock.instant());
            audit.record(row.councilId(), "cover_booking", row.id(), AuditAction.UPDATE, AuditTrail.values("status", row.status()),
                    AuditTrail.values("citizenId", row.citizenId(), "status", next.name(), "paName", row.paName(),
                            "date", row.day().toString(), "timesheetId", approved.timesheetId()));
            marked++;
        }
        return marked;
    }

    private CoverTransitions.Side side(SignedInUser user, CoverBookingRepository.Row row) {
        if (row.paUserId() == user.userId()) {
            return CoverTransitions.Side.PA;
        }
        employer(user, row.citizenId());
        return CoverTransitions.Side.EMPLOYER;
    }

    private static CoverStatus next(CoverBookingRepository.Row row, CoverTransitions.Event event, CoverTransitions.Side side) {
        return CoverTransitions.apply(CoverStatus.valueOf(row.status()), event, side)
                .orElseThrow(() -> new Conflict("A cover booking that is " + row.status() + " cannot take " + event.name()
                        + " from the " + side.name().toLowerCase(Locale.ROOT) + "'s side."));
    }

    private CoverBooking change(SignedInUser user, CoverBookingRepository.Row row, CoverStatus next, Long employmentId) {
        repository.changeStatus(row.id(), row.councilId(), next.name(), employmentId, user.userId(), clock.instant());
        audit.record(row.councilId(), "cover_booking", row.id(), AuditAction.UPDATE, AuditTrail.values("status", row.status()),
                AuditTrail.values("citizenId", row.citizenId(), "status", next.name(), "paName", row.paName(),
                        "date", row.day().toString(), "employmentId", employmentId));
        return view(user, repository.find(row.id()).orElseThrow()).orElseThrow();
    }
}
