package org.dphub.peersupport.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** What a person wrote on the peer support boards, under which name (issue 17). */
@Component
class PeerSupportPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    PeerSupportPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "peer-support";
    }

    @Override
    public Set<String> tables() {
        return Set.of("peer_member", "peer_post", "peer_helpful", "peer_report");
    }

    /** Posts are the sign-in's, not the person's record: see {@link #forUser}. */
    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        return Optional.empty();
    }

    @Override
    public Optional<Section> forUser(long userId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("peer_member", "SELECT display_name, updated_at FROM peer_member WHERE user_id = :user");
        q.put("peer_post", "SELECT id, board, question_id, author_name, title, body, hidden, locked, created_at FROM peer_post"
                + " WHERE author_user_id = :user ORDER BY id");
        q.put("peer_report", "SELECT post_id, reason, created_at FROM peer_report WHERE reporter_user_id = :user ORDER BY id");
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), q);
    }

    /** The person's posts stay in their threads (others answered them) with their words and name blanked. */
    @Override
    public Redacted erase(Redaction r) {
        if (r.userIds().isEmpty()) {
            return Redacted.NOTHING;
        }
        var users = new org.springframework.jdbc.support.SqlArrayValue("bigint", r.userIds().toArray());
        jdbc.sql("UPDATE peer_post SET author_name = 'Erased', body = 'Erased', title = CASE WHEN title IS NULL THEN NULL ELSE 'Erased' END"
                + " WHERE author_user_id = ANY (:users)").param("users", users).update();
        jdbc.sql("UPDATE peer_member SET display_name = 'Erased', updated_at = now() WHERE user_id = ANY (:users)")
                .param("users", users).update();
        return Redacted.removed("rights.removed.peer-posts");
    }
}
