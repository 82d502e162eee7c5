package org.dphub.councils;

import java.util.List;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.councils.internal.CouncilRepository;
import org.dphub.shared.database.Reads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The councils module's public face: councils and their settings. */
@Service
public class Councils {

    static final String SETTINGS_ENTITY = "council_settings";

    private final CouncilRepository repository;
    private final AuditTrail audit;
    private final org.springframework.context.ApplicationEventPublisher events;

    Councils(CouncilRepository repository, AuditTrail audit, org.springframework.context.ApplicationEventPublisher events) {
        this.repository = repository;
        this.audit = audit;
        this.events = events;
    }

    @Transactional
    public Council create(String code, String name, String nameCy, Nation nation, CouncilSettings settings) {
        Council council = repository.insert(code, name, nameCy, nation);
        repository.insertSettings(council.id(), settings);
        audit.record(council.id(), "council", council.id(), AuditAction.CREATE, null, council);
        audit.record(council.id(), SETTINGS_ENTITY, council.id(), AuditAction.CREATE, null, settings.auditValues());
        return council;
    }

    @Transactional(readOnly = true)
    public Optional<Council> findById(long id) {
        // read once in a read-only transaction, as the settings are (CouncilRepository's reads)
        return repository.findById(id);
    }

    /** What a page will read here for a council (its row and settings), to send with other modules' reads. */
    public void readAhead(long councilId, Reads.Together reads) {
        reads.add(repository.findByIdRead(councilId)).add(repository.findSettingsRead(councilId));
    }

    @Transactional(readOnly = true)
    public Optional<Council> findByCode(String code) {
        return repository.findByCode(code);
    }

    @Transactional(readOnly = true)
    public List<Council> all() {
        return repository.findAll();
    }

    @Transactional(readOnly = true)
    public VersionedSettings settings(long councilId) {
        // a page's parts each ask for their council's settings: read once a read-only transaction
        return repository.findSettings(councilId)
                .orElseThrow(() -> new IllegalStateException("Council " + councilId + " has no settings"));
    }

    /**
     * Saves new settings if nobody changed them since {@code expectedVersion}, and records the
     * before and after values in the audit trail.
     */
    @Transactional
    public VersionedSettings updateSettings(long councilId, CouncilSettings newSettings, long expectedVersion) {
        VersionedSettings current = settings(councilId);
        if (current.version() != expectedVersion || !repository.updateSettings(councilId, newSettings, expectedVersion)) {
            throw new SettingsChangedByAnotherUserException();
        }
        if (!current.settings().equals(newSettings)) {
            audit.record(councilId, SETTINGS_ENTITY, councilId, AuditAction.UPDATE,
                    current.settings().auditValues(), newSettings.auditValues());
        }
        return settings(councilId);
    }

    /**
     * The settings page's save: the settings (as {@link #updateSettings(long, CouncilSettings, long)}) and the days of
     * notice before a child's 18th birthday, in one transaction.
     */
    @Transactional
    public VersionedSettings updateSettings(long councilId, CouncilSettings newSettings, long expectedVersion, int transitionNoticeDays) {
        updateSettings(councilId, newSettings, expectedVersion);
        changeTransitionNoticeDays(councilId, transitionNoticeDays);
        return settings(councilId);
    }

    /** The most days of notice a council may set before a child's 18th birthday. */
    public static final int MAX_TRANSITION_NOTICE_DAYS = 365;

    /**
     * Issue 18: how many days before a child's 18th birthday the DP team sees them as moving to adult
     * support (a council setting, default 90 days).
     */
    @Transactional(readOnly = true)
    public int transitionNoticeDays(long councilId) {
        return repository.transitionNoticeDays(councilId);
    }

    /** A council administrator changes the notice period (1 to 365 days); the audit trail keeps before and after. */
    @Transactional
    public int changeTransitionNoticeDays(long councilId, int days) {
        if (days < 1 || days > MAX_TRANSITION_NOTICE_DAYS) {
            throw new IllegalArgumentException("transitionNoticeDays must be 1 to " + MAX_TRANSITION_NOTICE_DAYS);
        }
        int before = repository.transitionNoticeDays(councilId);
        repository.setTransitionNoticeDays(councilId, days);
        if (before != days) {
            audit.record(councilId, SETTINGS_ENTITY, councilId, AuditAction.UPDATE,
                    AuditTrail.values("transitionNoticeDays", before), AuditTrail.values("transitionNoticeDays", days));
        }
        return days;
    }
    static final String SINGLE_SIGN_ON_ENTITY = "council_single_sign_on";

    /** The council's OpenID Connect provider for staff, if its administrator set one (issue 17). */
    @Transactional(readOnly = true)
    public Optional<VersionedSingleSignOn> singleSignOn(long councilId) {
        return repository.findSingleSignOn(councilId);
    }

    /** The councils whose staff can sign in with their council account, by name. */
    @Transactional(readOnly = true)
    public List<Council> withSingleSignOn() {
        return repository.withSingleSignOn();
    }

    /**
     * Sets the council's single sign-on (checked by {@link CouncilSettingsRules#checkSingleSignOn}
     * first): the first time with no version, after that with the version read, else
     * {@link SettingsChangedByAnotherUserException}. The audit trail keeps before and after.
     */
    @Transactional
    public VersionedSingleSignOn setSingleSignOn(long councilId, SingleSignOn settings, Long expectedVersion) {
        Optional<VersionedSingleSignOn> current = repository.findSingleSignOn(councilId);
        if (current.isEmpty()) {
            if (expectedVersion != null) {
                throw new SettingsChangedByAnotherUserException();
            }
            repository.insertSingleSignOn(councilId, settings);
            audit.record(councilId, SINGLE_SIGN_ON_ENTITY, councilId, AuditAction.CREATE, null, settings.auditValues());
        } else {
            if (expectedVersion == null || !repository.updateSingleSignOn(councilId, settings, expectedVersion)) {
                throw new SettingsChangedByAnotherUserException();
            }
            if (!current.get().settings().auditValues().equals(settings.auditValues())) {
                audit.record(councilId, SINGLE_SIGN_ON_ENTITY, councilId, AuditAction.UPDATE,
                        current.get().settings().auditValues(), settings.auditValues());
            }
        }
        if (settings.staffMustUseCouncilAccount() && current.map(c -> !c.settings().staffMustUseCouncilAccount()).orElse(true)) {
            events.publishEvent(new StaffPasswordsTurnedOff(councilId));
        }
        return repository.findSingleSignOn(councilId).orElseThrow();
    }

    /** Turns single sign-on off: staff sign in with passwords only. Audited. */
    @Transactional
    public void removeSingleSignOn(long councilId, long expectedVersion) {
        VersionedSingleSignOn current = repository.findSingleSignOn(councilId).orElseThrow(SettingsChangedByAnotherUserException::new);
        if (!repository.deleteSingleSignOn(councilId, expectedVersion)) {
            throw new SettingsChangedByAnotherUserException();
        }
        audit.record(councilId, SINGLE_SIGN_ON_ENTITY, councilId, AuditAction.DELETE, current.settings().auditValues(), null);
    }
}
