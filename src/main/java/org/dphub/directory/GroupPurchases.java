package org.dphub.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.directory.internal.GroupPurchaseRepository;
import org.dphub.payments.AccountStatus;
import org.dphub.payments.Accounts;
import org.dphub.payments.ProviderPayments;
import org.dphub.payments.ProviderPayments.Affordability;
import org.dphub.payments.ProviderPayments.NotEnoughMoneyException;
import org.dphub.payments.ProviderPayments.ProviderChargeRequest;
import org.dphub.payments.ProviderPayments.ProviderRefundRequest;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Buying together: the directory module's public face for group purchases. An organiser (a person
 * with a direct payment or their representative, a provider, a practitioner) proposes one; members
 * are invited or ask to join; each member (or their representative) agrees to exactly their share
 * from their own account; when every current member has agreed and the organiser confirms, each
 * share is charged through {@link ProviderPayments} (this module never writes the ledger). A member
 * leaving is refunded for the sessions not yet held ({@link GroupSharePolicy}). Members are told by
 * letter (invited, confirmed, left, another member left), in the same transaction ({@code DirectoryLetters}).
 *
 * <p>Who sees what: the organiser and members see every member's status and the first names of
 * those who chose to be shown, their own share and refund; each council's staff see their own
 * council's members in full and a count of the others; anyone else: not found.
 */
@Service
public class GroupPurchases {

    /** "Today" for sessions is the date in the UK. */
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** A member as one viewer may see them: {@code full} with citizen, share and refund; otherwise status and a shown first name. */
    public record MemberView(GroupMember member, boolean full, boolean mine) {

        public Optional<String> shownName() {
            return full || member.showName() ? Optional.of(member.firstName()) : Optional.empty();
        }
    }

    /**
     * A group as {@code viewer} may see it. {@code hiddenMembers}: current members of other councils
     * that a member of staff does not see (a count only).
     */
    public record View(GroupPurchase group, List<MemberView> members, int hiddenMembers, boolean organiser, boolean staff,
                       LocalDate today) {

        public List<MemberView> current() {
            return members.stream().filter(m -> m.member().isCurrent()).toList();
        }

        public List<MemberView> mine() {
            return members.stream().filter(MemberView::mine).toList();
        }

        public int currentCount() {
            return current().size() + hiddenMembers;
        }

        public int placesLeft() {
            return Math.max(0, group.maxMembers() - currentCount());
        }

        public boolean isHeld(LocalDate session) {
            return !session.isAfter(today);
        }

        /** What this member would get back if they left today: their paid share's part for the sessions not yet held. */
        public Money refundIfLeavingToday(GroupMember member) {
            if (member.status() != GroupMemberStatus.PAID || member.charged() == null) {
                return Money.ZERO;
            }
            List<LocalDate> theirs = group.sessionsFrom(member.firstSession());
            int held = (int) theirs.stream().filter(this::isHeld).count();
            return GroupSharePolicy.notYetHeld(member.charged(), theirs.size(), held);
        }

        /** The sessions this member pays for. */
        public List<LocalDate> sessionsOf(GroupMember member) {
            return group.sessionsFrom(member.firstSession());
        }
    }

    /** One place of a person in a group, for "Your money". */
    public record Place(GroupPurchase group, GroupMember member, LocalDate today) {
    }

    private final GroupPurchaseRepository repository;
    private final Citizens citizens;
    private final Accounts accounts;
    private final ProviderPayments payments;
    private final AuditTrail audit;
    private final DirectoryLetters letters;
    private final Clock clock;

    GroupPurchases(GroupPurchaseRepository repository, Citizens citizens, Accounts accounts, ProviderPayments payments,
                   AuditTrail audit, DirectoryLetters letters, Clock clock) {
        this.repository = repository;
        this.citizens = citizens;
        this.accounts = accounts;
        this.payments = payments;
        this.audit = audit;
        this.letters = letters;
        this.clock = clock;
    }

    /** Today in the UK: a session on or before it has been held. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(UK));
    }

    /** Whether this person may propose a group purchase. */
    @Transactional(readOnly = true)
    public boolean mayOrganise(SignedInUser user) {
        if (user.has(Role.PRACTITIONER) || user.has(Role.PROVIDER)) {
            return true;
        }
        return !user.isStaff() && citizens.actingFor(user).stream()
                .anyMatch(c -> accounts.forCitizen(user, c.citizen().id()).stream()
                        .anyMatch(a -> a.account().status() == AccountStatus.OPEN));
    }

    /** A published service a group may buy. */
    public record ServiceChoice(UUID id, String name, String organizationName) {
    }

    /** Published services a group may buy, by name. */
    @Transactional(readOnly = true)
    public List<ServiceChoice> servicesToBuy() {
        return repository.published().stream().map(s -> new ServiceChoice(s.id(), s.name(), s.organizationName())).toList();
    }

    /** Proposes a group purchase of a published service; nobody is a member yet. */
    @Transactional
    public GroupPurchase propose(SignedInUser organiser, GroupProposal proposal) {
        if (!mayOrganise(organiser)) {
            throw new GroupPurchaseRefused("NOT_AN_ORGANISER", 403, null, "group.error.organiser");
        }
        GroupPurchaseRepository.ServiceToBuy service = repository.service(proposal.serviceId())
                .filter(s -> "PUBLISHED".equals(s.status()))
                .orElseThrow(() -> new GroupPurchaseRefused("SERVICE_NOT_PUBLISHED", 422, "serviceId", "group.error.service.unknown"));
        long council = organiser.councilId() != null ? organiser.councilId() : service.councilId();
        UUID id = UUID.randomUUID();
        repository.insert(id, council, organiser.userId(), organiser.displayName(), service.id(), proposal.title(), proposal.total(),
                proposal.split(), proposal.maxMembers(), proposal.sessions());
        audit.record(council, "group_purchase", id, AuditAction.CREATE, null, AuditTrail.values(
                "title", proposal.title(), "serviceId", service.id().toString(), "service", service.name(),
                "total", proposal.total().formatWithPence(), "sessions", proposal.sessions().stream().map(LocalDate::toString).toList(),
                "split", proposal.split().name(), "maxMembers", proposal.maxMembers(), "status", GroupPurchaseStatus.OPEN.name()));
        return repository.find(id).orElseThrow();
    }

    /**
     * Adds a member: invited by the organiser (a citizen they may see), or a person (or their
     * representative) asking to join. {@code setShare} is required when the group is split by set
     * shares and it is still open. Joining a confirmed group: the price of a place for the sessions
     * still to come only. A person the organiser invites (not themself) gets a GROUP_INVITED letter.
     */
    @Transactional
    public GroupMember addMember(SignedInUser user, UUID groupId, long citizenId, Money setShare, boolean showName) {
        GroupPurchase group = repository.lock(groupId).orElseThrow(NotFound::new);
        boolean organiser = group.organiserUserId() == user.userId();
        boolean asking = !user.isStaff() && (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE));
        if (!organiser && !asking) {
            view(user, group); // not found unless they may see it
            throw new GroupPurchaseRefused("NOT_THE_ORGANISER", 403, null, "group.error.not-organiser");
        }
        if (group.status() == GroupPurchaseStatus.CANCELLED) {
            throw new GroupPurchaseRefused("GROUP_CANCELLED", 409, null, "group.error.cancelled");
        }
        Citizen citizen = citizens.find(user, citizenId)
                .orElseThrow(() -> new GroupPurchaseRefused("CITIZEN_NOT_FOUND", 422, "citizenId", "group.error.citizen"));
        List<GroupMember> members = repository.members(groupId);
        if (members.stream().anyMatch(m -> m.isCurrent() && m.citizenId() == citizenId)) {
            throw new GroupPurchaseRefused("ALREADY_A_MEMBER", 409, "citizenId", "group.error.already-member");
        }
        long current = members.stream().filter(GroupMember::isCurrent).count();
        if (current >= group.maxMembers()) {
            throw new GroupPurchaseRefused("GROUP_FULL", 409, null, "group.error.full", group.maxMembers());
        }
        long account = accounts.forCitizen(user, citizenId).stream()
                .filter(a -> a.account().status() == AccountStatus.OPEN).map(a -> a.account().id()).findFirst()
                .orElseThrow(() -> new GroupPurchaseRefused("NO_ACCOUNT", 422, "citizenId", "group.error.no-account"));
        boolean open = group.status() == GroupPurchaseStatus.OPEN;
        if (group.split() == GroupSplit.SET_SHARES && open) {
            if (setShare == null) {
                throw new GroupPurchaseRefused("SHARE_MISSING", 422, "sharePence", "group.error.share.empty");
            }
            if (!setShare.isGreaterThan(Money.ZERO) || setShare.isGreaterThan(group.total())) {
                throw new GroupPurchaseRefused("SHARE_OUT_OF_RANGE", 422, "sharePence", "group.error.share.range",
                        group.total().formatWithPence());
            }
        }
        LocalDate first;
        Money share;
        if (open) {
            first = group.sessions().get(0);
            share = Money.ZERO; // worked out with everyone else's below
        } else {
            LocalDate today = today();
            List<LocalDate> remaining = group.sessions().stream().filter(d -> d.isAfter(today)).toList();
            if (remaining.isEmpty()) {
                throw new GroupPurchaseRefused("ALL_SESSIONS_HELD", 409, null, "group.error.all-held");
            }
            first = remaining.get(0);
            share = GroupSharePolicy.joiningMidTerm(group.placePrice(), group.sessions().size(), remaining.size());
        }
        long memberId = repository.insertMember(groupId, citizen.councilId(), citizenId, account, citizen.givenName(), showName,
                !organiser, open ? setShare : null, share, first);
        if (open) {
            shareOut(group, memberId);
        }
        GroupMember member = member(groupId, memberId);
        audit.record(member.councilId(), "group_purchase_member", memberId, AuditAction.CREATE, null, AuditTrail.values(
                "groupId", groupId.toString(), "title", group.title(), "citizenId", citizenId,
                "share", member.share().formatWithPence(), "askedToJoin", !organiser, "status", member.status().name()));
        if (organiser && !actingFor(user).contains(citizenId)) {
            letters.invited(group, member); // the organiser invited someone else: a GROUP_INVITED letter to them
        }
        return member;
    }

    /** A member (or their representative), from their own account, agrees to their share and the dates. */
    @Transactional
    public GroupMember consent(SignedInUser user, UUID groupId, long memberId, Boolean showName) {
        GroupPurchase group = repository.lock(groupId).orElseThrow(NotFound::new);
        GroupMember member = visibleMember(user, group, memberId);
        if (user.isStaff() || citizens.find(user, member.citizenId()).isEmpty()) {
            throw new GroupPurchaseRefused("NOT_THE_MEMBER", 403, null, "group.error.not-member");
        }
        if (group.status() == GroupPurchaseStatus.CANCELLED) {
            throw new GroupPurchaseRefused("GROUP_CANCELLED", 409, null, "group.error.cancelled");
        }
        if (member.status() == GroupMemberStatus.PAID) {
            return member;
        }
        GroupMemberStatus next = GroupMemberTransitions.next(member.status(), GroupMemberTransitions.Event.CONSENT)
                .orElseThrow(() -> new GroupPurchaseRefused("MEMBER_LEFT", 409, null, "group.error.left"));
        Affordability money = payments.affordability(member.accountId());
        if (!money.covers(member.share())) {
            throw notEnough(member, money);
        }
        boolean show = showName != null ? showName : member.showName();
        repository.consent(memberId, user.username(), show);
        audit.record(member.councilId(), "group_purchase_member", memberId, AuditAction.UPDATE,
                AuditTrail.values("status", member.status().name(), "groupId", groupId.toString()),
                AuditTrail.values("status", next.name(), "groupId", groupId.toString(), "title", group.title(),
                        "share", member.share().formatWithPence(), "showName", show));
        return member(groupId, memberId);
    }

    /** What the organiser's confirmation did: each member charged this time. */
    public record Confirmation(View view, List<GroupMember> charged) {
    }

    /**
     * The organiser confirms: refused (409 CONSENT_MISSING) while any current member has not agreed;
     * otherwise each agreed share not yet charged is charged (key {@code group:{id}:member:{memberId}}),
     * all or nothing, and that member gets a GROUP_CONFIRMED letter with their share and dates.
     */
    @Transactional
    public Confirmation confirm(SignedInUser user, UUID groupId) {
        GroupPurchase group = repository.lock(groupId).orElseThrow(NotFound::new);
        View before = view(user, group);
        if (group.organiserUserId() != user.userId()) {
            throw new GroupPurchaseRefused("NOT_THE_ORGANISER", 403, null, "group.error.not-organiser");
        }
        GroupPurchaseStatus next = GroupPurchaseTransitions.next(group.status(), GroupPurchaseTransitions.Event.CONFIRM)
                .orElseThrow(() -> new GroupPurchaseRefused("GROUP_CANCELLED", 409, null, "group.error.cancelled"));
        List<GroupMember> current = repository.members(groupId).stream().filter(GroupMember::isCurrent).toList();
        if (current.isEmpty()) {
            throw new GroupPurchaseRefused("NO_MEMBERS", 409, null, "group.error.no-members");
        }
        List<GroupMember> missing = current.stream().filter(m -> m.status() == GroupMemberStatus.INVITED).toList();
        if (!missing.isEmpty()) {
            Map<Long, MemberView> seen = before.members().stream().collect(Collectors.toMap(m -> m.member().id(), m -> m));
            String names = missing.stream().map(m -> Optional.ofNullable(seen.get(m.id())).flatMap(MemberView::shownName)
                    .map(n -> n + " (member " + m.id() + ")").orElse("member " + m.id())).collect(Collectors.joining(", "));
            List<Map<String, Object>> who = missing.stream().map(m -> {
                Map<String, Object> one = new LinkedHashMap<>();
                one.put("memberId", m.id());
                Optional.ofNullable(seen.get(m.id())).flatMap(MemberView::shownName).ifPresent(n -> one.put("firstName", n));
                return one;
            }).toList();
            throw new GroupPurchaseRefused("CONSENT_MISSING", 409, null, "group.error.consent-missing",
                    new Object[] {names, missing.size()}, who);
        }
        if (group.status() == GroupPurchaseStatus.OPEN && group.split() == GroupSplit.SET_SHARES) {
            Money sum = current.stream().map(GroupMember::share).reduce(Money.ZERO, Money::plus);
            if (!sum.equals(group.total())) {
                throw new GroupPurchaseRefused("SHARES_DO_NOT_ADD_UP", 409, null, "group.error.shares-sum",
                        sum.formatWithPence(), group.total().formatWithPence());
            }
        }
        LocalDate today = today();
        List<GroupMember> charged = new ArrayList<>();
        for (GroupMember member : current) {
            if (member.status() != GroupMemberStatus.CONSENTED) {
                continue;
            }
            String key = GroupMember.chargeKey(groupId, member.id());
            try {
                payments.charge(new ProviderChargeRequest(member.councilId(), key, member.accountId(), group.organizationId(),
                        group.organizationName(), member.share(), today,
                        group.title() + " (" + group.sessionsFrom(member.firstSession()).size() + " sessions, bought together)",
                        member.remittanceReference(), null, null));
            } catch (NotEnoughMoneyException e) {
                throw notEnough(member, e.affordability());
            }
            repository.charged(member.id(), key, member.share());
            audit.record(member.councilId(), "group_purchase_member", member.id(), AuditAction.UPDATE,
                    AuditTrail.values("status", member.status().name(), "groupId", groupId.toString()),
                    AuditTrail.values("status", GroupMemberStatus.PAID.name(), "groupId", groupId.toString(), "title", group.title(),
                            "share", member.share().formatWithPence()));
            GroupMember paid = member(groupId, member.id());
            charged.add(paid);
            letters.confirmed(group, paid); // their share and their dates
        }
        if (group.status() != next) {
            repository.setStatus(groupId, next, GroupSharePolicy.placePrice(group.total(), current.size()));
            audit.record(group.councilId(), "group_purchase", groupId, AuditAction.UPDATE,
                    AuditTrail.values("status", group.status().name()),
                    AuditTrail.values("status", next.name(), "title", group.title(), "members", current.size()));
        }
        return new Confirmation(view(user, repository.find(groupId).orElseThrow()), charged);
    }

    /**
     * A member leaves (they or their representative, or the organiser takes them off). If they had
     * paid, they are refunded exactly the part of their share for sessions after today (UK), to the
     * same account. Nobody else's share changes once the group is confirmed. Leaving twice is
     * refused, unless it is the same request again ({@code requestKey}): then the first answer.
     * Letters: GROUP_LEFT to the member when something comes back to them; in a confirmed group,
     * GROUP_MEMBER_LEFT to each of the others (their share stays as it was; the leaver is not named).
     */
    @Transactional
    public Money leave(SignedInUser user, UUID groupId, long memberId, String requestKey) {
        GroupPurchase group = repository.lock(groupId).orElseThrow(NotFound::new);
        GroupMember member = visibleMember(user, group, memberId);
        boolean self = !user.isStaff() && citizens.find(user, member.citizenId()).isPresent();
        if (!self && group.organiserUserId() != user.userId()) {
            throw new GroupPurchaseRefused("NOT_THE_MEMBER", 403, null, "group.error.not-member-leave");
        }
        if (member.status() == GroupMemberStatus.LEFT) {
            if (requestKey != null && requestKey.equals(member.leaveKey())) {
                return member.refund() == null ? Money.ZERO : member.refund();
            }
            throw new GroupPurchaseRefused("ALREADY_LEFT", 409, null, "group.error.already-left");
        }
        LocalDate today = today();
        Money refund = Money.ZERO;
        String refundKey = null;
        if (member.status() == GroupMemberStatus.PAID) {
            List<LocalDate> theirs = group.sessionsFrom(member.firstSession());
            int held = (int) theirs.stream().filter(d -> !d.isAfter(today)).count();
            refund = GroupSharePolicy.notYetHeld(member.charged(), theirs.size(), held);
            if (refund.isGreaterThan(Money.ZERO)) {
                refundKey = GroupMember.refundKey(groupId, memberId);
                payments.refund(new ProviderRefundRequest(member.councilId(), refundKey, member.chargeKey(), refund, today,
                        group.title() + " (" + (theirs.size() - held) + " sessions not yet held)"));
            }
        }
        repository.left(memberId, today, requestKey, refundKey, refund);
        audit.record(member.councilId(), "group_purchase_member", memberId, AuditAction.UPDATE,
                AuditTrail.values("status", member.status().name(), "groupId", groupId.toString()),
                AuditTrail.values("status", GroupMemberStatus.LEFT.name(), "groupId", groupId.toString(), "title", group.title(),
                        "refund", refund.formatWithPence()));
        if (refund.isGreaterThan(Money.ZERO)) {
            int notYetHeld = (int) group.sessionsFrom(member.firstSession()).stream().filter(d -> d.isAfter(today)).count();
            letters.left(group, member, refund, notYetHeld);
        }
        if (group.status() == GroupPurchaseStatus.OPEN) {
            shareOut(group, null);
        } else if (group.status() == GroupPurchaseStatus.CONFIRMED) {
            // nobody else's share changes once the group is confirmed: each of the others is told so
            for (GroupMember other : repository.members(groupId)) {
                if (other.isCurrent() && other.id() != memberId) {
                    letters.memberLeft(group, other, memberId);
                }
            }
        }
        return refund;
    }

    /** The organiser calls off a group that is still open; nobody has paid. */
    @Transactional
    public void cancel(SignedInUser user, UUID groupId) {
        GroupPurchase group = repository.lock(groupId).orElseThrow(NotFound::new);
        view(user, group);
        if (group.organiserUserId() != user.userId()) {
            throw new GroupPurchaseRefused("NOT_THE_ORGANISER", 403, null, "group.error.not-organiser");
        }
        GroupPurchaseStatus next = GroupPurchaseTransitions.next(group.status(), GroupPurchaseTransitions.Event.CANCEL)
                .orElseThrow(() -> new GroupPurchaseRefused("ALREADY_CONFIRMED", 409, null, "group.error.cancel-confirmed"));
        repository.setStatus(groupId, next, null);
        audit.record(group.councilId(), "group_purchase", groupId, AuditAction.UPDATE, AuditTrail.values("status", group.status().name()),
                AuditTrail.values("status", next.name(), "title", group.title()));
    }

    /** The group as this person may see it; not found if they may not. */
    @Transactional(readOnly = true)
    public View find(SignedInUser user, UUID groupId) {
        return view(user, repository.find(groupId).orElseThrow(NotFound::new));
    }

    /**
     * The group as someone who might ask to join sees it (title, service, dates, cost, places left):
     * any person with a direct payment or their representative, while it is open or running.
     */
    @Transactional(readOnly = true)
    public Optional<View> findToJoin(SignedInUser user, UUID groupId) {
        GroupPurchase group = repository.find(groupId).orElseThrow(NotFound::new);
        try {
            return Optional.of(view(user, group));
        } catch (NotFound notFound) {
            if (user.isStaff() || !(user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE))
                    || group.status() == GroupPurchaseStatus.CANCELLED) {
                throw notFound;
            }
            int current = (int) repository.members(groupId).stream().filter(GroupMember::isCurrent).count();
            return Optional.of(new View(group, List.of(), current, false, false, today()));
        }
    }

    /** The groups this person organises or takes part in (staff: of their council or with its members), newest first. */
    @Transactional(readOnly = true)
    public List<View> forUser(SignedInUser user) {
        Set<Long> mine = actingFor(user);
        Long staffCouncil = user.isStaff() ? user.councilId() : null;
        return repository.idsFor(user.userId(), mine, staffCouncil).stream()
                .map(repository::find).flatMap(Optional::stream)
                .map(g -> view(user, g)).toList();
    }

    /** Groups a person with a direct payment (or their representative) may ask to join, newest first; staff and others: none. */
    @Transactional(readOnly = true)
    public List<View> openToJoin(SignedInUser user) {
        if (user.isStaff() || !(user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE))) {
            return List.of();
        }
        Set<Long> mine = actingFor(user);
        return repository.openToJoin(today(), 50).stream().map(id -> findToJoin(user, id)).flatMap(Optional::stream)
                .filter(v -> !v.organiser() && v.mine().isEmpty() && v.members().stream()
                        .noneMatch(m -> m.member().isCurrent() && mine.contains(m.member().citizenId())))
                .toList();
    }

    /** A place waiting for a person's agreement: for their home page. */
    public record Waiting(long citizenId, UUID groupId, String title, Money share) {
    }

    @Transactional(readOnly = true)
    public List<Waiting> waitingForConsent(SignedInUser user) {
        Set<Long> mine = actingFor(user);
        if (mine.isEmpty()) {
            return List.of();
        }
        return repository.waitingForConsent(mine).stream()
                .map(p -> new Waiting(p.member().citizenId(), p.member().groupId(), p.title(), p.member().share())).toList();
    }

    /** What the home page will read here for this person ({@link #waitingForConsent}), to send with the other modules' reads. */
    public void readAhead(SignedInUser user, Reads.Together reads) {
        Set<Long> mine = actingFor(user);
        if (!mine.isEmpty()) {
            reads.add(repository.waitingForConsentRead(mine));
        }
    }

    /** A citizen's places in groups (for "Your money"), if this person may see the citizen. */
    @Transactional(readOnly = true)
    public List<Place> placesOf(SignedInUser user, long citizenId) {
        Citizen citizen = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        LocalDate today = today();
        List<GroupMember> places = repository.placesOf(citizen.councilId(), citizenId);
        Map<UUID, GroupPurchase> groups = repository.findAll(places.stream().map(GroupMember::groupId).distinct().toList());
        return places.stream().filter(m -> groups.containsKey(m.groupId()))
                .map(m -> new Place(groups.get(m.groupId()), m, today)).toList();
    }

    /**
     * What {@link #placesOf} will read for this person (their places, then those groups), to send
     * with a page's other reads; who may see them is checked as {@link #placesOf} reads them.
     */
    public void readAheadPlaces(long councilId, long citizenId, Reads.Together reads) {
        reads.add(repository.placesOfRead(councilId, citizenId), places -> {
            if (!places.isEmpty()) {
                reads.add(repository.findAllRead(places.stream().map(GroupMember::groupId).toList()));
            }
        });
    }

    /** Shares of an open group: equal (join order, {@link GroupSharePolicy}) or as set; a changed share needs agreeing again. */
    private void shareOut(GroupPurchase group, Long added) {
        List<GroupMember> current = repository.members(group.id()).stream().filter(GroupMember::isCurrent).toList();
        List<Money> shares = group.split() == GroupSplit.EQUAL
                ? GroupSharePolicy.equalShares(group.total(), current.size())
                : current.stream().map(m -> m.setShare() == null ? Money.ZERO : m.setShare()).toList();
        for (int i = 0; i < current.size(); i++) {
            GroupMember member = current.get(i);
            Money share = shares.get(i);
            if (share.equals(member.share())) {
                continue;
            }
            GroupMemberStatus status = member.status() == GroupMemberStatus.CONSENTED
                    ? GroupMemberTransitions.next(member.status(), GroupMemberTransitions.Event.SHARE_CHANGED).orElseThrow()
                    : member.status();
            repository.setShare(member.id(), share, status);
            if (!Objects.equals(added, member.id())) {
                audit.record(member.councilId(), "group_purchase_member", member.id(), AuditAction.UPDATE,
                        AuditTrail.values("share", member.share().formatWithPence(), "status", member.status().name()),
                        AuditTrail.values("share", share.formatWithPence(), "status", status.name(),
                                "groupId", group.id().toString(), "title", group.title()));
            }
        }
    }

    private GroupMember member(UUID groupId, long memberId) {
        return repository.members(groupId).stream().filter(m -> m.id() == memberId).findFirst().orElseThrow(NotFound::new);
    }

    private GroupMember visibleMember(SignedInUser user, GroupPurchase group, long memberId) {
        View view;
        try {
            view = view(user, group);
        } catch (NotFound notFound) {
            // a person who is not part of the group, but may see the member's citizen (a representative
            // who was not told the group exists): the member is still refused, not hidden
            GroupMember member = member(group.id(), memberId);
            if (citizens.find(user, member.citizenId()).isPresent()) {
                return member;
            }
            throw notFound;
        }
        return view.members().stream().map(MemberView::member).filter(m -> m.id() == memberId).findFirst()
                .or(() -> repository.members(group.id()).stream().filter(m -> m.id() == memberId).findFirst()
                        .filter(m -> view.organiser()))
                .orElseThrow(NotFound::new);
    }

    private View view(SignedInUser user, GroupPurchase group) {
        Set<Long> mine = actingFor(user);
        boolean organiser = group.organiserUserId() == user.userId();
        boolean staff = user.isStaff() && user.councilId() != null;
        List<GroupMember> members = repository.members(group.id());
        boolean part = organiser || members.stream().anyMatch(m -> mine.contains(m.citizenId()));
        boolean staffOfIt = staff && (group.councilId() == user.councilId()
                || members.stream().anyMatch(m -> m.councilId() == user.councilId()));
        if (!part && !staffOfIt) {
            throw new NotFound();
        }
        List<MemberView> views = new ArrayList<>();
        int hidden = 0;
        for (GroupMember m : members) {
            boolean isMine = mine.contains(m.citizenId()) && !user.isStaff();
            if (staff) {
                if (m.councilId() == user.councilId()) {
                    views.add(new MemberView(m, true, false));
                } else if (m.isCurrent()) {
                    hidden++;
                }
            } else {
                views.add(new MemberView(m, isMine, isMine));
            }
        }
        return new View(group, views, hidden, organiser, staff, today());
    }

    private Set<Long> actingFor(SignedInUser user) {
        if (user.isStaff()) {
            return Set.of();
        }
        return citizens.actingFor(user).stream().map(c -> c.citizen().id()).collect(Collectors.toSet());
    }

    private static GroupPurchaseRefused notEnough(GroupMember member, Affordability money) {
        return new GroupPurchaseRefused("NOT_ENOUGH_MONEY", 422, "sharePence", money.nextPaymentDate() == null
                ? "group.error.not-enough" : "group.error.not-enough-next",
                new Object[] {member.share().formatWithPence(), money.available().formatWithPence(),
                        money.nextPayment() == null ? "" : money.nextPayment().formatWithPence(), money.nextPaymentDate(),
                        member.id()}, Map.of("memberId", member.id(), "availablePence", money.available().pence()));
    }
}
