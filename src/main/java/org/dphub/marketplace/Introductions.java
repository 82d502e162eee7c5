package org.dphub.marketplace;

import java.time.LocalDate;
import java.util.List;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.marketplace.internal.IntroductionRepository;
import org.dphub.marketplace.internal.PaProfileRepository;
import org.dphub.marketplace.internal.VacancyRepository;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.Conflict;
import org.dphub.web.NotFound;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketplace's public face for introductions: an invitation or an expression of interest
 * becomes a conversation only when the other side accepts ({@link IntroductionTransitions}), and
 * contact details are shown only then. Hiring records the agreed rate and publishes {@link PaHired}.
 */
@Service
public class Introductions {

    /** Contact details, present only once CONNECTED. */
    public record Contact(String name, String email, String phone) {
    }

    /** An introduction as one side sees it; the PA's training is not a contact detail, so it is there from the start. */
    public record IntroductionView(Introduction introduction, Side yourSide, String vacancyTitle, String paDisplayName,
                                   Contact employerContact, Contact paContact, List<TrainingRecord> paTraining,
                                   long paProfileId, LocalDate paDbsCheckedOn, boolean paLive) {
    }

    public record Hire(long id, long introductionId, long agreedHourlyRatePence, LocalDate startDate) {
    }

    private final IntroductionRepository repository;
    private final VacancyRepository vacancies;
    private final PaProfileRepository profiles;
    private final EmployerSide employerSide;
    private final MarketplaceSettings settings;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;

    Introductions(IntroductionRepository repository, VacancyRepository vacancies, PaProfileRepository profiles,
                  EmployerSide employerSide, MarketplaceSettings settings, AuditTrail audit, ApplicationEventPublisher events) {
        this.repository = repository;
        this.vacancies = vacancies;
        this.profiles = profiles;
        this.employerSide = employerSide;
        this.settings = settings;
        this.audit = audit;
        this.events = events;
    }

    /** The vacancy's owner side invites a live, visible PA. */
    @Transactional
    public Introduction invite(SignedInUser user, long vacancyId, long profileId) {
        Vacancy vacancy = vacancies.findForUpdate(vacancyId).filter(v -> employerSide.mayActFor(user, v.citizenId()))
                .orElseThrow(NotFound::new);
        requireOpen(vacancy);
        PaProfile profile = profiles.findById(profileId)
                .filter(p -> p.status() == PaProfileStatus.LIVE && p.visible())
                .orElseThrow(() -> fieldRefused("profileId", "There is no live, visible profile with this id."));
        return start(user, vacancy, profile, Side.EMPLOYER, IntroductionStatus.INVITED);
    }

    /** A live PA says they are interested in an open vacancy. */
    @Transactional
    public Introduction expressInterest(SignedInUser pa, long profileId, long vacancyId) {
        PaProfile profile = profiles.findForUpdate(profileId).filter(p -> PaProfiles.isOwner(pa, p)).orElseThrow(NotFound::new);
        if (profile.status() != PaProfileStatus.LIVE) {
            throw new Conflict("Your profile is " + profile.status() + ". You can express interest once it is live.");
        }
        Vacancy vacancy = vacancies.findById(vacancyId).filter(v -> v.status() == VacancyStatus.OPEN)
                .orElseThrow(() -> fieldRefused("vacancyId", "There is no open vacancy with this id."));
        return start(pa, vacancy, profile, Side.PA, IntroductionStatus.INTERESTED);
    }

    private Introduction start(SignedInUser user, Vacancy vacancy, PaProfile profile, Side side, IntroductionStatus status) {
        if (repository.blocked(vacancy.citizenId(), profile.id())) {
            throw new Conflict("An introduction between these two is blocked.");
        }
        long id = repository.insert(vacancy.councilId(), vacancy.id(), profile.id(), side, status, user.username())
                .orElseThrow(() -> new Conflict("There is already an introduction for this vacancy and profile."));
        audit.record(vacancy.councilId(), "introduction", id, AuditAction.CREATE, null, AuditTrail.values(
                "vacancyId", vacancy.id(), "profileId", profile.id(), "startedBy", side.name(), "status", status.name()));
        return repository.findById(id).orElseThrow();
    }

    @Transactional
    public Introduction accept(SignedInUser user, long id) {
        return transition(user, id, IntroductionTransitions.Event.ACCEPT);
    }

    @Transactional
    public Introduction decline(SignedInUser user, long id) {
        return transition(user, id, IntroductionTransitions.Event.DECLINE);
    }

    /** Either side blocks the other: this introduction ends and no new one can start between them. */
    @Transactional
    public Introduction block(SignedInUser user, long id) {
        Introduction blocked = transition(user, id, IntroductionTransitions.Event.BLOCK);
        Vacancy vacancy = vacancies.findById(blocked.vacancyId()).orElseThrow();
        repository.block(vacancy.citizenId(), blocked.profileId(), sideOf(user, blocked, vacancy));
        return blocked;
    }

    private Introduction transition(SignedInUser user, long id, IntroductionTransitions.Event event) {
        Introduction introduction = repository.findForUpdate(id).orElseThrow(NotFound::new);
        Vacancy vacancy = vacancies.findById(introduction.vacancyId()).orElseThrow();
        Side side = sideOf(user, introduction, vacancy);
        IntroductionTransitions.Outcome outcome = IntroductionTransitions.apply(introduction.status(), event, side);
        refuseUnlessAllowed(outcome, introduction, event);
        repository.changeStatus(id, outcome.to());
        audit.record(introduction.councilId(), "introduction", id, AuditAction.UPDATE,
                AuditTrail.values("status", introduction.status().name()),
                AuditTrail.values("status", outcome.to().name(), "by", side.name()));
        return repository.findById(id).orElseThrow();
    }

    private static void refuseUnlessAllowed(IntroductionTransitions.Outcome outcome, Introduction introduction,
                                            IntroductionTransitions.Event event) {
        if (outcome.refusal() == IntroductionTransitions.Refusal.NOT_THIS_SIDE) {
            throw new AccessDeniedException("Only the other side can " + event.name().toLowerCase() + " this introduction");
        }
        if (!outcome.allowed()) {
            throw new Conflict("The introduction is " + introduction.status() + "; it cannot be "
                    + event.name().toLowerCase() + "ed now.");
        }
    }

    /** The side this user is on, or not found when they are on neither. */
    private Side sideOf(SignedInUser user, Introduction introduction, Vacancy vacancy) {
        if (user.has(Role.PERSONAL_ASSISTANT)
                && profiles.findById(introduction.profileId()).filter(p -> PaProfiles.isOwner(user, p)).isPresent()) {
            return Side.PA;
        }
        if (employerSide.mayActFor(user, vacancy.citizenId())) {
            return Side.EMPLOYER;
        }
        throw new NotFound();
    }

    /** The introduction as one side sees it: the other side's contact details only once CONNECTED. */
    @Transactional(readOnly = true)
    public IntroductionView view(SignedInUser user, long id) {
        Introduction introduction = repository.findById(id).orElseThrow(NotFound::new);
        Vacancy vacancy = vacancies.findById(introduction.vacancyId()).orElseThrow();
        Side side = sideOf(user, introduction, vacancy);
        PaProfile profile = profiles.findById(introduction.profileId()).orElseThrow();
        boolean connected = IntroductionTransitions.connected(introduction.status());
        return new IntroductionView(introduction, side, vacancy.title(), profile.displayName(),
                connected ? new Contact(vacancy.contactName(), vacancy.contactEmail(), vacancy.contactPhone()) : null,
                connected ? new Contact(profile.displayName(), profile.email(), profile.phone()) : null, profile.training(),
                profile.id(), profile.checks().dbsCheckedOn(), profile.status() == PaProfileStatus.LIVE);
    }

    /**
     * Introductions waiting for this person's answer, for the home page: invitations to them as a PA,
     * and PAs' interest in the vacancies of the people they are or act for.
     */
    @Transactional(readOnly = true)
    public List<IntroductionRepository.Waiting> waitingForAnswer(SignedInUser user) {
        return repository.waitingForAnswer(user.userId(), employerSide.citizensActedFor(user));
    }

    /** What the home page will read here for this person ({@link #waitingForAnswer}), to send with the other modules' reads. */
    public void readAhead(SignedInUser user, Reads.Together reads) {
        reads.add(repository.waitingForAnswerRead(user.userId(), employerSide.citizensActedFor(user)));
    }

    /** Every introduction this person is part of, as they see it, newest first. */
    @Transactional(readOnly = true)
    public List<IntroductionView> forUser(SignedInUser user) {
        return repository.idsFor(user.userId(), employerSide.citizensActedFor(user)).stream().map(id -> view(user, id)).toList();
    }

    /** Messages stay in the app, and exist only between connected sides. */
    @Transactional
    public IntroductionRepository.Message send(SignedInUser user, long id, String body) {
        Introduction introduction = repository.findById(id).orElseThrow(NotFound::new);
        Side side = sideOf(user, introduction, vacancies.findById(introduction.vacancyId()).orElseThrow());
        requireConnected(introduction);
        long messageId = repository.addMessage(id, side, user.username(), body);
        audit.record(introduction.councilId(), "introduction_message", messageId, AuditAction.CREATE, null,
                AuditTrail.values("introductionId", id, "from", side.name(), "length", body.length()));
        return repository.messages(id).stream().filter(m -> m.id() == messageId).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<IntroductionRepository.Message> messages(SignedInUser user, long id) {
        Introduction introduction = repository.findById(id).orElseThrow(NotFound::new);
        sideOf(user, introduction, vacancies.findById(introduction.vacancyId()).orElseThrow());
        requireConnected(introduction);
        return repository.messages(id);
    }

    /**
     * The employer side hires the PA of a CONNECTED introduction at an agreed rate (at least the
     * National Living Wage) from a start date: the rate is recorded, the vacancy is filled, and
     * {@link PaHired} tells the employment module.
     */
    @Transactional
    public Hire hire(SignedInUser user, long id, Money agreedHourlyRate, LocalDate startDate) {
        Introduction introduction = repository.findForUpdate(id).orElseThrow(NotFound::new);
        Vacancy vacancy = vacancies.findForUpdate(introduction.vacancyId()).orElseThrow();
        Side side = sideOf(user, introduction, vacancy);
        IntroductionTransitions.Outcome outcome = IntroductionTransitions.apply(introduction.status(),
                IntroductionTransitions.Event.HIRE, side);
        if (outcome.refusal() == IntroductionTransitions.Refusal.NOT_THIS_SIDE) {
            throw new AccessDeniedException("Only the employer's side hires");
        }
        if (!outcome.allowed()) {
            throw new Conflict("The introduction is " + introduction.status() + "; a PA can be hired only once both sides "
                    + "have agreed (CONNECTED).");
        }
        settings.nationalLivingWage().check(agreedHourlyRate, startDate, settings.today()).ifPresent(refusal -> {
            throw Vacancies.belowNationalLivingWage(agreedHourlyRate, refusal);
        });
        PaProfile profile = profiles.findById(introduction.profileId()).orElseThrow();
        String district = vacancy.postcode().outward();
        String area = district.replaceAll("[0-9].*$", "");
        long hireId = repository.insertHire(vacancy.councilId(), introduction, vacancy.citizenId(), agreedHourlyRate.pence(),
                vacancy.hoursPerWeek(), startDate, district, area, user.username());
        repository.changeStatus(id, IntroductionStatus.HIRED);
        if (vacancy.status() == VacancyStatus.OPEN) {
            vacancies.changeStatus(vacancy.id(), VacancyStatus.FILLED);
        }
        audit.record(vacancy.councilId(), "pa_hire", hireId, AuditAction.CREATE, null, AuditTrail.values(
                "introductionId", id, "profileId", profile.id(), "citizenId", vacancy.citizenId(),
                "agreedHourlyRate", agreedHourlyRate.formatWithPence(), "startDate", startDate.toString()));
        events.publishEvent(new PaHired(hireId, vacancy.councilId(), vacancy.citizenId(), vacancy.id(), profile.id(),
                profile.userId(), agreedHourlyRate.pence(), vacancy.hoursPerWeek(), startDate));
        return new Hire(hireId, id, agreedHourlyRate.pence(), startDate);
    }

    /** A PA hired through an introduction: what the employment module needs to start their pay. */
    public record HiredPa(long hireId, long citizenId, String paName, String paEmail, Money agreedHourlyRate, LocalDate startDate) {
    }

    /** The PAs hired for a person, for the person's side. */
    @Transactional(readOnly = true)
    public List<HiredPa> hiresFor(SignedInUser user, long citizenId) {
        if (!employerSide.mayActFor(user, citizenId)) {
            return List.of();
        }
        return repository.hiresFor(citizenId).stream().map(h -> new HiredPa(h.id(), h.citizenId(), h.paName(), h.paEmail(),
                Money.ofPence(h.ratePence()), h.startDate())).toList();
    }

    /** PA rates of pay agreed through introductions, by postcode district, for a member of staff's council. */
    @Transactional(readOnly = true)
    public List<IntroductionRepository.PayRate> payRates(SignedInUser staff) {
        if (!staff.isStaff() || staff.councilId() == null) {
            throw new AccessDeniedException("Only council staff see rates of pay");
        }
        return repository.payRates(staff.councilId());
    }

    /** A profile or vacancy named in the request that cannot be used: 422 naming the field, nothing changed. */
    private static org.dphub.web.ValidationProblem fieldRefused(String field, String message) {
        return new org.dphub.web.ValidationProblem(List.of(new org.dphub.web.FormError(field, message)));
    }

    private static void requireOpen(Vacancy vacancy) {
        if (vacancy.status() != VacancyStatus.OPEN) {
            throw new Conflict("The vacancy is " + vacancy.status() + "; only an open vacancy takes introductions.");
        }
    }

    private static void requireConnected(Introduction introduction) {
        if (!IntroductionTransitions.connected(introduction.status())) {
            throw new Conflict("Messages open once both sides have agreed to the introduction (CONNECTED); it is "
                    + introduction.status() + ".");
        }
    }
}
