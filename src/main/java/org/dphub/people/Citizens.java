package org.dphub.people;

import java.util.List;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.identity.UserAccounts;
import org.dphub.people.internal.CitizenRepository;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The people module's public face: citizens, found only by those allowed to see them. */
@Service
public class Citizens {

    private final CitizenRepository repository;
    private final UserAccounts accounts;
    private final AuditTrail audit;

    Citizens(CitizenRepository repository, UserAccounts accounts, AuditTrail audit) {
        this.repository = repository;
        this.accounts = accounts;
        this.audit = audit;
    }

    @Transactional
    public Citizen create(NewCitizen citizen) {
        Citizen created = repository.insert(citizen);
        audit.record(created.councilId(), "citizen", created.id(), AuditAction.CREATE, null, created.auditValues());
        return created;
    }

    /**
     * The citizen, if this user may see them ({@link CitizenAccessPolicy}). Another council's
     * citizen is simply not found: we never confirm that the record exists.
     */
    @Transactional(readOnly = true)
    public Optional<Citizen> find(SignedInUser user, long citizenId) {
        return repository.findById(citizenId)
                .filter(c -> CitizenAccessPolicy.maySee(user, c.id(), c.councilId(), accounts.citizenAccessFor(user.userId())));
    }

    /** The citizens a person sees as themself or acts for, with why. */
    @Transactional(readOnly = true)
    public List<CitizenWithRelationship> actingFor(SignedInUser user) {
        return accounts.citizenAccessFor(user.userId()).stream()
                .flatMap(a -> repository.findByIdInCouncil(a.citizenId(), a.councilId()).stream()
                        .map(c -> new CitizenWithRelationship(c, a.relationship())))
                .toList();
    }

    /** Staff search within their own council, by name or reference. */
    @Transactional(readOnly = true)
    public Page search(SignedInUser staff, String query, int page, int pageSize) {
        if (!staff.isStaff() || staff.councilId() == null) {
            return new Page(List.of(), 0, page, pageSize);
        }
        String q = query == null ? "" : query.strip();
        return new Page(repository.search(staff.councilId(), q, page * pageSize, pageSize),
                repository.count(staff.councilId(), q), page, pageSize);
    }

    @Transactional(readOnly = true)
    public long countInCouncil(long councilId) {
        return repository.count(councilId, "");
    }

    public record CitizenWithRelationship(Citizen citizen, org.dphub.identity.CitizenRelationship relationship) {
    }

    public record Page(List<Citizen> citizens, long total, int page, int pageSize) {
        public int pages() {
            return (int) Math.max(1, (total + pageSize - 1) / pageSize);
        }
    }
}
