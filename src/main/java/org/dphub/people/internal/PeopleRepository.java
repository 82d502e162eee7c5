package org.dphub.people.internal;

import java.util.List;
import java.util.Optional;
import org.dphub.people.HouseholdMember;
import org.dphub.people.Relationship;
import org.dphub.people.RemovedHouseholdMember;
import org.dphub.people.Representative;
import org.dphub.people.RepresentativeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Household members and representatives; every query names the council. */
@Repository
public class PeopleRepository {

    private final JdbcClient jdbc;

    PeopleRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public HouseholdMember insertHouseholdMember(long councilId, long citizenId, String name, Relationship relationship,
                                                 boolean sameHousehold) {
        long id = jdbc.sql("""
                        INSERT INTO household_member (council_id, citizen_id, name, relationship, lives_in_same_household)
                        VALUES (:council, :citizen, :name, :relationship, :same) RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("name", name)
                .param("relationship", relationship.name()).param("same", sameHousehold)
                .query(Long.class).single();
        return new HouseholdMember(id, citizenId, councilId, name, relationship, sameHousehold);
    }

    public List<HouseholdMember> householdOf(long councilId, long citizenId) {
        return jdbc.sql("""
                        SELECT * FROM household_member WHERE council_id = :council AND citizen_id = :citizen AND removed_on IS NULL
                        ORDER BY id""")
                .param("council", councilId).param("citizen", citizenId)
                .query(PeopleRepository::householdMember).list();
    }

    /** Those taken off the person's household, most recently removed first. */
    public List<RemovedHouseholdMember> removedFromHousehold(long councilId, long citizenId) {
        return jdbc.sql("""
                        SELECT * FROM household_member WHERE council_id = :council AND citizen_id = :citizen AND removed_on IS NOT NULL
                        ORDER BY removed_on DESC, id DESC""")
                .param("council", councilId).param("citizen", citizenId)
                .query((rs, row) -> new RemovedHouseholdMember(rs.getLong("id"), rs.getLong("citizen_id"), rs.getString("name"),
                        Relationship.valueOf(rs.getString("relationship")), rs.getObject("removed_on", java.time.LocalDate.class),
                        rs.getString("removal_reason")))
                .list();
    }

    /** True when this member of the person's household was removed (by someone else a moment ago, say). */
    public boolean removedFromHousehold(long councilId, long citizenId, long id) {
        return jdbc.sql("""
                        SELECT count(*) FROM household_member
                        WHERE council_id = :council AND citizen_id = :citizen AND id = :id AND removed_on IS NOT NULL""")
                .param("council", councilId).param("citizen", citizenId).param("id", id).query(Long.class).single() > 0;
    }

    public void removeHouseholdMember(long councilId, long id, java.time.LocalDate on, String by, String reason) {
        jdbc.sql("""
                        UPDATE household_member SET removed_on = :on, removed_by = :by, removal_reason = :reason
                        WHERE council_id = :council AND id = :id AND removed_on IS NULL""")
                .param("on", on).param("by", by).param("reason", reason).param("council", councilId).param("id", id).update();
    }

    /** The member, locked until the caller's transaction ends: a direct payment naming them waits for the change. */
    public Optional<HouseholdMember> householdMemberForUpdate(long councilId, long citizenId, long id) {
        return jdbc.sql("""
                        SELECT * FROM household_member WHERE council_id = :council AND citizen_id = :citizen AND id = :id
                          AND removed_on IS NULL FOR UPDATE""")
                .param("council", councilId).param("citizen", citizenId).param("id", id)
                .query(PeopleRepository::householdMember).optional();
    }

    /**
     * These members of the person's household (others are left out), held as they are until the caller's
     * transaction ends: a change to one waits, then sees what the caller wrote.
     */
    public List<HouseholdMember> holdHouseholdMembers(long councilId, long citizenId, java.util.Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                        SELECT * FROM household_member WHERE council_id = :council AND citizen_id = :citizen AND id = ANY(:ids)
                          AND removed_on IS NULL
                        ORDER BY id FOR SHARE""")
                .param("council", councilId).param("citizen", citizenId)
                .param("ids", new org.springframework.jdbc.support.SqlArrayValue("bigint", ids.toArray()))
                .query(PeopleRepository::householdMember).list();
    }

    public void updateHouseholdMember(HouseholdMember member) {
        jdbc.sql("""
                        UPDATE household_member SET name = :name, relationship = :relationship, lives_in_same_household = :same
                        WHERE council_id = :council AND id = :id""")
                .param("name", member.name()).param("relationship", member.relationship().name())
                .param("same", member.livesInSameHousehold()).param("council", member.councilId()).param("id", member.id())
                .update();
    }

    private static HouseholdMember householdMember(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new HouseholdMember(rs.getLong("id"), rs.getLong("citizen_id"), rs.getLong("council_id"), rs.getString("name"),
                Relationship.valueOf(rs.getString("relationship")), rs.getBoolean("lives_in_same_household"));
    }

    public Representative insertRepresentative(long councilId, long citizenId, String name, RepresentativeKind kind, String email) {
        long id = jdbc.sql("""
                        INSERT INTO representative (council_id, citizen_id, name, kind, email)
                        VALUES (:council, :citizen, :name, :kind, :email) RETURNING id""")
                .param("council", councilId).param("citizen", citizenId).param("name", name)
                .param("kind", kind.name()).param("email", email)
                .query(Long.class).single();
        return new Representative(id, citizenId, councilId, name, kind, email, null);
    }

    public List<Representative> representativesOf(long councilId, long citizenId) {
        return jdbc.sql("SELECT * FROM representative WHERE council_id = :council AND citizen_id = :citizen ORDER BY id")
                .param("council", councilId).param("citizen", citizenId)
                .query((rs, row) -> representative(rs)).list();
    }

    public Optional<Representative> representative(long councilId, long id) {
        return jdbc.sql("SELECT * FROM representative WHERE council_id = :council AND id = :id")
                .param("council", councilId).param("id", id)
                .query((rs, row) -> representative(rs)).optional();
    }

    /** A representative's name and email as corrected; how they act stays. */
    public void correctRepresentative(long councilId, long id, String name, String email) {
        jdbc.sql("UPDATE representative SET name = :name, email = :email WHERE council_id = :council AND id = :id")
                .param("name", name).param("email", email).param("council", councilId).param("id", id).update();
    }

    /** The representative, its row locked until the transaction ends. */
    public Optional<Representative> representativeForUpdate(long councilId, long id) {
        return jdbc.sql("SELECT * FROM representative WHERE council_id = :council AND id = :id FOR UPDATE")
                .param("council", councilId).param("id", id)
                .query((rs, row) -> representative(rs)).optional();
    }

    /** Whether the representative still acts, their row held (shared) until the transaction ends. */
    public boolean holdCurrentRepresentative(long councilId, long id) {
        return jdbc.sql("SELECT id FROM representative WHERE council_id = :council AND id = :id AND ended_on IS NULL FOR SHARE")
                .param("council", councilId).param("id", id).query(Long.class).optional().isPresent();
    }

    /**
     * Records that the representative no longer acts for the person, from {@code endedOn}; false (nothing
     * changed) when they had already stopped.
     */
    public boolean endRepresentative(long councilId, long id, java.time.LocalDate endedOn, String endedBy, String reason) {
        return jdbc.sql("""
                        UPDATE representative SET ended_on = :on, ended_by = :by, end_reason = :reason
                        WHERE council_id = :council AND id = :id AND ended_on IS NULL""")
                .param("on", endedOn).param("by", endedBy).param("reason", reason).param("council", councilId).param("id", id)
                .update() == 1;
    }

    /** The people an account acted for and no longer does: their names and council references, oldest first. */
    public List<String> formerlyActedFor(long userId) {
        return jdbc.sql("""
                        SELECT c.given_name || ' ' || c.family_name || ' (' || c.reference || ')' FROM representative r
                        JOIN citizen c ON c.id = r.citizen_id AND c.council_id = r.council_id
                        WHERE r.user_id = :user AND r.ended_on IS NOT NULL ORDER BY r.id""")
                .param("user", userId).query(String.class).list();
    }

    public void linkRepresentativeAccount(long councilId, long representativeId, long userId) {
        jdbc.sql("UPDATE representative SET user_id = :user WHERE council_id = :council AND id = :id AND user_id IS NULL")
                .param("user", userId).param("council", councilId).param("id", representativeId).update();
    }

    public void linkCitizenAccount(long councilId, long citizenId, long userId) {
        jdbc.sql("UPDATE citizen SET user_id = :user WHERE council_id = :council AND id = :id AND user_id IS NULL")
                .param("user", userId).param("council", councilId).param("id", citizenId).update();
    }

    public Optional<Long> citizenAccount(long councilId, long citizenId) {
        return jdbc.sql("SELECT user_id FROM citizen WHERE council_id = :council AND id = :id AND user_id IS NOT NULL")
                .param("council", councilId).param("id", citizenId).query(Long.class).optional();
    }

    private static Representative representative(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new Representative(rs.getLong("id"), rs.getLong("citizen_id"), rs.getLong("council_id"),
                rs.getString("name"), RepresentativeKind.valueOf(rs.getString("kind")), rs.getString("email"),
                rs.getObject("user_id", Long.class), rs.getObject("ended_on", java.time.LocalDate.class), rs.getString("end_reason"));
    }
}
