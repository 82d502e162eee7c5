package org.dphub.people.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dphub.audit.AuditPeople;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** Tells the audit trail the names of the people changes concern, only ever from the reader's council. */
@Component
class PeopleForAudit implements AuditPeople {

    private final JdbcClient jdbc;
    private final CitizenRepository citizens;

    PeopleForAudit(JdbcClient jdbc, CitizenRepository citizens) {
        this.jdbc = jdbc;
        this.citizens = citizens;
    }

    @Override
    public Map<Long, Person> people(long councilId, Collection<Long> citizenIds) {
        Map<Long, Person> found = new LinkedHashMap<>();
        if (citizenIds.isEmpty()) {
            return found;
        }
        jdbc.sql("""
                        SELECT id, given_name, family_name, reference FROM citizen
                        WHERE council_id = :council AND id = ANY(:ids)""")
                .param("council", councilId)
                .param("ids", new SqlArrayValue("bigint", citizenIds.toArray()))
                .query((rs, row) -> found.put(rs.getLong("id"), new Person(rs.getLong("id"),
                        rs.getString("given_name") + " " + rs.getString("family_name"), rs.getString("reference"))))
                .list();
        return found;
    }

    @Override
    public List<Person> matching(long councilId, String nameOrReference, int limit) {
        return citizens.search(councilId, nameOrReference.strip(), 0, limit).stream()
                .map(c -> new Person(c.id(), c.fullName(), c.reference()))
                .toList();
    }
}
