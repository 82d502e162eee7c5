package org.dphub.marketplace;

import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.marketplace.internal.PaProfileRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The marketplace module's public face (so far): PA profiles on the national register. */
@Service
public class PaProfiles {

    private final PaProfileRepository repository;
    private final AuditTrail audit;

    PaProfiles(PaProfileRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    /** Adds a profile; {@code profile.id()} is ignored. */
    @Transactional
    public PaProfile create(PaProfile profile) {
        PaProfile created = repository.insert(profile);
        audit.record(created.registeredCouncilId(), "pa_profile", created.id(), AuditAction.CREATE, null,
                created.auditValues());
        return created;
    }

    /** A PA's own profile: the only one a PA may open in full. */
    @Transactional(readOnly = true)
    public Optional<PaProfile> ownProfile(long userId) {
        return repository.findByUserId(userId);
    }

    @Transactional(readOnly = true)
    public long countLive() {
        return repository.countLive();
    }
}
