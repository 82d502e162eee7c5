package org.dphub.marketplace;

import java.time.Clock;
import java.time.LocalDate;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.marketplace.internal.MarketplaceSettingsRepository;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A council's match weights (defaults {@link MatchWeights#DEFAULTS}) and the National Living Wage. */
@Service
public class MarketplaceSettings {

    private final MarketplaceSettingsRepository repository;
    private final AuditTrail audit;
    private final Clock clock;

    MarketplaceSettings(MarketplaceSettingsRepository repository, AuditTrail audit, Clock clock) {
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public MatchWeights weights(long councilId) {
        return repository.weights(councilId).orElse(MatchWeights.DEFAULTS);
    }

    /** What {@link #weights} will read, to send with a page's other reads. */
    void readAheadWeights(long councilId, Reads.Together together) {
        together.add(repository.weightsRead(councilId));
    }

    @Transactional
    public MatchWeights changeWeights(SignedInUser admin, MatchWeights weights) {
        MatchWeights before = weights(admin.councilId());
        repository.saveWeights(admin.councilId(), weights, admin.username());
        audit.record(admin.councilId(), "marketplace_match_weights", admin.councilId(), AuditAction.UPDATE, before, weights);
        return weights;
    }

    @Transactional(readOnly = true)
    public NationalLivingWagePolicy nationalLivingWage() {
        return new NationalLivingWagePolicy(repository.nationalLivingWage());
    }

    LocalDate today() {
        return LocalDate.now(clock);
    }

    java.util.Map<Long, MatchWeights> allWeights() {
        return repository.allWeights();
    }
}
