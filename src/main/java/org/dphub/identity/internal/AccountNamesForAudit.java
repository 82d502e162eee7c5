package org.dphub.identity.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.dphub.audit.AuditActors;
import org.dphub.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.SqlArrayValue;
import org.springframework.stereotype.Component;

/** Tells the audit trail who made each change by their name, not their username. */
@Component
class AccountNamesForAudit implements AuditActors {

    private final JdbcClient jdbc;

    AccountNamesForAudit(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> displayNames(Collection<String> usernames) {
        Map<String, String> names = new LinkedHashMap<>();
        if (usernames.isEmpty()) {
            return names;
        }
        jdbc.sql("SELECT username, display_name FROM app_user WHERE username = ANY(:usernames)")
                .param("usernames", new SqlArrayValue("text", usernames.toArray()))
                .query((rs, row) -> names.put(rs.getString("username"), rs.getString("display_name")))
                .list();
        return names;
    }

    @Override
    public List<Actor> staff(long councilId) {
        return jdbc.sql("""
                        SELECT u.username, u.display_name FROM app_user u
                        WHERE u.council_id = :council
                          AND EXISTS (SELECT 1 FROM app_user_role r WHERE r.user_id = u.id AND r.role = ANY(:roles))
                        ORDER BY u.display_name, u.username""")
                .param("council", councilId)
                .param("roles", new SqlArrayValue("text", Role.STAFF.stream().map(Role::name).toArray()))
                .query((rs, row) -> new Actor(rs.getString("username"), rs.getString("display_name")))
                .list();
    }
}
