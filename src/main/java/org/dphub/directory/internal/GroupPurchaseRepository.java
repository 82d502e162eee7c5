package org.dphub.directory.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dphub.directory.GroupMember;
import org.dphub.directory.GroupMemberStatus;
import org.dphub.directory.GroupPurchase;
import org.dphub.directory.GroupPurchaseStatus;
import org.dphub.directory.GroupSplit;
import org.dphub.shared.Money;
import org.dphub.shared.database.Read;
import org.dphub.shared.database.Reads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Group purchases, their sessions and members; and the directory service each buys. */
@Repository
public class GroupPurchaseRepository {

    /** A directory service as a group purchase needs it. */
    public record ServiceToBuy(UUID id, String name, String status, UUID organizationId, String organizationName, long councilId) {
    }

    private final JdbcClient jdbc;
    private final Reads reads;

    GroupPurchaseRepository(JdbcClient jdbc, Reads reads) {
        this.jdbc = jdbc;
        this.reads = reads;
    }

    public Optional<ServiceToBuy> service(UUID serviceId) {
        return jdbc.sql("""
                        SELECT s.id, s.name, s.status, o.id AS organization_id, o.name AS organization_name, s.council_id
                        FROM directory_service s JOIN directory_organization o ON o.id = s.organization_id WHERE s.id = :id""")
                .param("id", serviceId)
                .query((rs, n) -> new ServiceToBuy(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("status"),
                        rs.getObject("organization_id", UUID.class), rs.getString("organization_name"), rs.getLong("council_id")))
                .optional();
    }

    /** Published services a group may buy, by name (the first 500). */
    public List<ServiceToBuy> published() {
        return jdbc.sql("""
                        SELECT s.id, s.name, s.status, o.id AS organization_id, o.name AS organization_name, s.council_id
                        FROM directory_service s JOIN directory_organization o ON o.id = s.organization_id
                        WHERE s.status = 'PUBLISHED' ORDER BY s.name, o.name, s.id LIMIT 500""")
                .query((rs, n) -> new ServiceToBuy(rs.getObject("id", UUID.class), rs.getString("name"), rs.getString("status"),
                        rs.getObject("organization_id", UUID.class), rs.getString("organization_name"), rs.getLong("council_id")))
                .list();
    }

    public void insert(UUID id, long councilId, long organiserUserId, String organiserName, UUID serviceId, String title,
                       Money total, GroupSplit split, int maxMembers, List<LocalDate> sessions) {
        jdbc.sql("""
                        INSERT INTO directory_group_purchase (id, council_id, organiser_user_id, organiser_name, service_id, title,
                            total_pence, split, max_members)
                        VALUES (:id, :c, :u, :name, :s, :t, :total, :split, :max)""")
                .param("id", id).param("c", councilId).param("u", organiserUserId).param("name", organiserName)
                .param("s", serviceId).param("t", title).param("total", total.pence()).param("split", split.name())
                .param("max", maxMembers).update();
        for (LocalDate session : sessions) {
            jdbc.sql("INSERT INTO directory_group_session (group_purchase_id, held_on) VALUES (:id, :d)")
                    .param("id", id).param("d", session).update();
        }
    }

    /** The group, locked for the rest of the transaction so two changes to its members cannot interleave. */
    public Optional<GroupPurchase> lock(UUID id) {
        return jdbc.sql("SELECT id FROM directory_group_purchase WHERE id = :id FOR UPDATE").param("id", id)
                .query(UUID.class).optional().flatMap(this::find);
    }

    public Optional<GroupPurchase> find(UUID id) {
        return Optional.ofNullable(findAll(List.of(id)).get(id));
    }

    /** These groups, by id, in one statement however many there are (a person's places on "Your money"). */
    public Map<UUID, GroupPurchase> findAll(Collection<UUID> ids) {
        return ids.isEmpty() ? Map.of() : reads.get(findAllRead(ids));
    }

    private record GroupsOf(List<UUID> ids) {
    }

    /** {@link #findAll} as a read to send with others; each group with its sessions, soonest first. */
    public Read<Map<UUID, GroupPurchase>> findAllRead(Collection<UUID> ids) {
        List<UUID> wanted = ids.stream().distinct().sorted().toList();
        return new Read<>(new GroupsOf(wanted), """
                        SELECT g.*, s.name AS service_name, o.id AS organization_id, o.name AS organization_name,
                               ARRAY(SELECT d.held_on FROM directory_group_session d WHERE d.group_purchase_id = g.id
                                     ORDER BY d.held_on) AS sessions
                        FROM directory_group_purchase g
                        JOIN directory_service s ON s.id = g.service_id
                        JOIN directory_organization o ON o.id = s.organization_id
                        WHERE g.id = ANY(:ids)""", Map.of("ids", wanted.toArray(new UUID[0])), rs -> {
                    Map<UUID, GroupPurchase> groups = new HashMap<>();
                    while (rs.next()) {
                        UUID id = rs.getObject("id", UUID.class);
                        groups.put(id, new GroupPurchase(id, rs.getLong("council_id"),
                                rs.getLong("organiser_user_id"), rs.getString("organiser_name"), rs.getObject("service_id", UUID.class),
                                rs.getString("service_name"), rs.getObject("organization_id", UUID.class), rs.getString("organization_name"),
                                rs.getString("title"), Money.ofPence(rs.getLong("total_pence")), GroupSplit.valueOf(rs.getString("split")),
                                rs.getInt("max_members"), GroupPurchaseStatus.valueOf(rs.getString("status")),
                                money(rs, "place_pence"), SqlDates.days(rs.getArray("sessions")), rs.getTimestamp("created_at").toInstant()));
                    }
                    return groups;
                }).planOnce(); // by id: the same plan however many (docs/PERFORMANCE.md, "Plans made once")
    }

    /** Every member, in join order (those who left too). */
    public List<GroupMember> members(UUID groupId) {
        return jdbc.sql("SELECT * FROM directory_group_member WHERE group_purchase_id = :g ORDER BY join_order")
                .param("g", groupId).query(GroupPurchaseRepository::member).list();
    }

    public long insertMember(UUID groupId, long councilId, long citizenId, long accountId, String firstName, boolean showName,
                             boolean askedToJoin, Money setShare, Money share, LocalDate firstSession) {
        return jdbc.sql("""
                        INSERT INTO directory_group_member (group_purchase_id, council_id, citizen_id, account_id, first_name,
                            show_name, asked_to_join, join_order, set_share_pence, share_pence, first_session)
                        VALUES (:g, :c, :citizen, :a, :name, :show, :asked,
                            (SELECT coalesce(max(join_order), 0) + 1 FROM directory_group_member WHERE group_purchase_id = :g),
                            :set, :share, :first)
                        RETURNING id""")
                .param("g", groupId).param("c", councilId).param("citizen", citizenId).param("a", accountId)
                .param("name", firstName).param("show", showName).param("asked", askedToJoin)
                .param("set", setShare == null ? null : setShare.pence()).param("share", share.pence())
                .param("first", firstSession).query(Long.class).single();
    }

    public void setShare(long memberId, Money share, GroupMemberStatus status) {
        jdbc.sql("UPDATE directory_group_member SET share_pence = :s, status = :st WHERE id = :id")
                .param("s", share.pence()).param("st", status.name()).param("id", memberId).update();
    }

    public void consent(long memberId, String by, boolean showName) {
        jdbc.sql("""
                        UPDATE directory_group_member SET status = 'CONSENTED', consented_by = :by, consented_at = now(), show_name = :show
                        WHERE id = :id""")
                .param("by", by).param("show", showName).param("id", memberId).update();
    }

    public void charged(long memberId, String key, Money amount) {
        jdbc.sql("UPDATE directory_group_member SET status = 'PAID', charge_key = :k, charged_pence = :p WHERE id = :id")
                .param("k", key).param("p", amount.pence()).param("id", memberId).update();
    }

    public void left(long memberId, LocalDate on, String leaveKey, String refundKey, Money refund) {
        jdbc.sql("""
                        UPDATE directory_group_member SET status = 'LEFT', left_on = :on, leave_key = :lk, refund_key = :rk,
                            refund_pence = :r WHERE id = :id""")
                .param("on", on).param("lk", leaveKey).param("rk", refundKey).param("r", refund.pence()).param("id", memberId)
                .update();
    }

    public void setStatus(UUID groupId, GroupPurchaseStatus status, Money placePrice) {
        jdbc.sql("""
                        UPDATE directory_group_purchase SET status = :s, place_pence = coalesce(place_pence, :p),
                            confirmed_at = CASE WHEN :s = 'CONFIRMED' THEN coalesce(confirmed_at, now()) ELSE confirmed_at END,
                            version = version + 1 WHERE id = :id""")
                .param("s", status.name()).param("p", placePrice == null ? null : placePrice.pence()).param("id", groupId).update();
    }

    /**
     * The groups a person takes part in: organised by them, with a member they act for, or (for staff)
     * organised in their council or with a member from it. Newest first.
     */
    public List<UUID> idsFor(long userId, Collection<Long> citizenIds, Long staffCouncilId) {
        return jdbc.sql("""
                        SELECT g.id FROM directory_group_purchase g
                        WHERE g.organiser_user_id = :u
                           OR EXISTS (SELECT 1 FROM directory_group_member m WHERE m.group_purchase_id = g.id
                                      AND (m.citizen_id = ANY(:citizens) OR m.council_id = :staff))
                           OR g.council_id = :staff
                        ORDER BY g.created_at DESC, g.id LIMIT 200""")
                .param("u", userId).param("citizens", citizenIds.toArray(new Long[0]))
                .param("staff", staffCouncilId == null ? -1L : staffCouncilId)
                .query(UUID.class).list();
    }

    /** Groups still taking members (open, or confirmed with sessions to come and places left), newest first. */
    public List<UUID> openToJoin(LocalDate today, int limit) {
        return jdbc.sql("""
                        SELECT g.id FROM directory_group_purchase g
                        WHERE g.status IN ('OPEN', 'CONFIRMED')
                          AND EXISTS (SELECT 1 FROM directory_group_session s WHERE s.group_purchase_id = g.id AND s.held_on > :today)
                          AND (SELECT count(*) FROM directory_group_member m WHERE m.group_purchase_id = g.id AND m.status <> 'LEFT')
                              < g.max_members
                        ORDER BY g.created_at DESC, g.id LIMIT :limit""")
                .param("today", today).param("limit", limit).query(UUID.class).list();
    }

    /** Places waiting for the person's agreement, each with its group's title, for the home page (one query, not one a place). */
    public List<TitledPlace> waitingForConsent(Collection<Long> citizenIds) {
        return reads.get(waitingForConsentRead(citizenIds));
    }

    private record WaitingForConsent(List<Long> citizenIds) {
    }

    public Read<List<TitledPlace>> waitingForConsentRead(Collection<Long> citizenIds) {
        List<Long> ids = citizenIds.stream().sorted().toList();
        return Read.list(new WaitingForConsent(ids), """
                        SELECT m.*, g.title AS group_title FROM directory_group_member m JOIN directory_group_purchase g ON g.id = m.group_purchase_id
                        WHERE m.citizen_id = ANY(:c) AND m.status = 'INVITED' AND g.status <> 'CANCELLED'
                        ORDER BY m.joined_at, m.id LIMIT 20""", Map.of("c", ids.toArray(new Long[0])),
                (rs, n) -> new TitledPlace(member(rs, n), rs.getString("group_title")));
    }

    /** A place in a group, with the group's title. */
    public record TitledPlace(GroupMember member, String title) {
    }

    /** The places of these citizens (of this council) in groups, newest first, for "Your money". */
    public List<GroupMember> placesOf(long councilId, long citizenId) {
        return reads.get(placesOfRead(councilId, citizenId));
    }

    private record PlacesOf(long councilId, long citizenId) {
    }

    public Read<List<GroupMember>> placesOfRead(long councilId, long citizenId) {
        return Read.list(new PlacesOf(councilId, citizenId), """
                        SELECT * FROM directory_group_member WHERE council_id = :c AND citizen_id = :citizen
                        ORDER BY joined_at DESC, id DESC LIMIT 50""", Map.of("c", councilId, "citizen", citizenId),
                GroupPurchaseRepository::member);
    }

    /** The citizen and council of a member, for the audit trail (never fails: empty when unknown). */
    public Optional<long[]> citizenOfMember(long memberId) {
        return jdbc.sql("SELECT citizen_id, council_id FROM directory_group_member WHERE id = :id").param("id", memberId)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).optional();
    }

    private static GroupMember member(ResultSet rs, int n) throws SQLException {
        return new GroupMember(rs.getLong("id"), rs.getObject("group_purchase_id", UUID.class), rs.getLong("council_id"),
                rs.getLong("citizen_id"), rs.getLong("account_id"), rs.getString("first_name"), rs.getBoolean("show_name"),
                rs.getBoolean("asked_to_join"), rs.getInt("join_order"), GroupMemberStatus.valueOf(rs.getString("status")),
                money(rs, "set_share_pence"), Money.ofPence(rs.getLong("share_pence")), rs.getObject("first_session", LocalDate.class),
                rs.getString("consented_by"), rs.getTimestamp("consented_at") == null ? null : rs.getTimestamp("consented_at").toInstant(),
                rs.getString("charge_key"), money(rs, "charged_pence"), rs.getObject("left_on", LocalDate.class),
                rs.getString("leave_key"), money(rs, "refund_pence"));
    }

    private static Money money(ResultSet rs, String column) throws SQLException {
        long pence = rs.getLong(column);
        return rs.wasNull() ? null : Money.ofPence(pence);
    }
}
