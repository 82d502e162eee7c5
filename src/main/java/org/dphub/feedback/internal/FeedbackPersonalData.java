package org.dphub.feedback.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Survey answers given with a name (issue 17). Anonymous answers carry no user and cannot be
 * found for anyone, by design.
 */
@Component
class FeedbackPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    FeedbackPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "feedback";
    }

    @Override
    public Set<String> tables() {
        return Set.of("feedback_answer", "feedback_stage_answer", "feedback_respondent");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        return Optional.empty();
    }

    @Override
    public Optional<Section> forUser(long userId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("feedback_answer", "SELECT a.round_id, a.answered_on, s.stage, s.rating, s.working, s.not_working FROM feedback_answer a"
                + " LEFT JOIN feedback_stage_answer s ON s.answer_id = a.id WHERE a.user_id = :user ORDER BY a.id, s.stage");
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), q);
    }
}
