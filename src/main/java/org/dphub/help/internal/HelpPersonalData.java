package org.dphub.help.internal;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Help requests and their replies, and cover bookings (issue 17). */
@Component
class HelpPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    HelpPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "help";
    }

    @Override
    public Set<String> tables() {
        return Set.of("help_request", "help_reply", "cover_booking", "cover_booking_event");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("help_request", "SELECT id, asker_role, kind, text, language, outcomes, status, asked_at, first_reply_at, closed_at,"
                + " what_was_done FROM help_request WHERE council_id = :council AND citizen_id = :citizen ORDER BY id");
        q.put("help_reply", "SELECT r.request_id, r.from_team, r.text, r.written_at FROM help_reply r JOIN help_request h ON h.id = r.request_id"
                + " WHERE h.council_id = :council AND h.citizen_id = :citizen ORDER BY r.id");
        q.put("cover_booking", "SELECT id, pa_name, cover_date, starts_at, ends_at, needs, hourly_rate_pence, status, requested_at"
                + " FROM cover_booking WHERE council_id = :council AND citizen_id = :citizen ORDER BY id");
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), q);
    }

    /** Help asked by someone with no person named (a PA for themself): the asker's own requests. */
    @Override
    public Optional<Section> forUser(long userId) {
        Map<String, String> q = new LinkedHashMap<>();
        q.put("help_request", "SELECT id, kind, text, status, asked_at, closed_at FROM help_request WHERE asked_by = :user"
                + " AND citizen_id IS NULL ORDER BY id");
        q.put("cover_booking", "SELECT id, cover_date, starts_at, ends_at, district, status FROM cover_booking WHERE pa_user_id = :user ORDER BY id");
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), q);
    }

    /** The words of requests and replies about the person go (replies through the recorded redaction). */
    @Override
    public Redacted erase(Redaction r) {
        Map<String, Object> p = Map.of("council", r.councilId(), "citizen", r.citizenId());
        jdbc.sql("UPDATE help_reply x SET text = 'Erased' FROM help_request h WHERE h.id = x.request_id"
                + " AND h.council_id = :council AND h.citizen_id = :citizen AND x.text <> 'Erased'").params(p).update();
        jdbc.sql("UPDATE help_request SET text = 'Erased', outcomes = '{}', what_was_done = CASE WHEN what_was_done IS NULL THEN NULL"
                + " ELSE 'Erased' END WHERE council_id = :council AND citizen_id = :citizen").params(p).update();
        jdbc.sql("UPDATE cover_booking SET needs = 'Erased', employer_contact = 'Erased' WHERE council_id = :council AND citizen_id = :citizen")
                .params(p).update();
        return Redacted.removed("rights.removed.help");
    }

    /** A cover shift the PA has agreed to (or is asked for) and that is still to come must be settled first. */
    @Override
    public List<String> blocksPaErasure(long paProfileId, long userId, LocalDate today) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM cover_booking WHERE profile_id = :profile AND status IN ('REQUESTED', 'ACCEPTED')"
                        + " AND cover_date >= :today)")
                .param("profile", paProfileId).param("today", today).query(Boolean.class).single()
                ? List.of("rights.block.pa-cover") : List.of();
    }

    /** The PA's name on cover bookings, and the words of help they asked for themself (and its replies), go. */
    @Override
    public Redacted erasePa(PaRedaction r) {
        Map<String, Object> p = Map.of("profile", r.paProfileId());
        jdbc.sql("UPDATE cover_booking SET pa_name = 'Erased PA' WHERE profile_id = :profile").params(p).update();
        eraseOwnHelp(r.userId());
        return Redacted.removed("rights.removed.pa-help");
    }

    /** The words of the help a sign-in asked for about itself (no person named), and the replies to it. */
    private void eraseOwnHelp(long userId) {
        jdbc.sql("UPDATE help_reply x SET text = 'Erased' FROM help_request h WHERE h.id = x.request_id"
                + " AND h.asked_by = :user AND h.citizen_id IS NULL AND x.text <> 'Erased'").param("user", userId).update();
        jdbc.sql("UPDATE help_request SET text = 'Erased', what_was_done = CASE WHEN what_was_done IS NULL THEN NULL ELSE 'Erased' END"
                + " WHERE asked_by = :user AND citizen_id IS NULL").param("user", userId).update();
    }

    /** When a former representative's sign-in closes: the words of the help they asked for about themself, and the replies. */
    @Override
    public Redacted eraseRepresentative(RepresentativeRedaction r) {
        if (r.userId() == null || !r.closeAccount()) {
            return Redacted.NOTHING;
        }
        eraseOwnHelp(r.userId());
        return Redacted.removed("rights.removed.representative-help");
    }

    /** A provider's sign-in closes: the words of the help they asked for about themself, and the replies. */
    @Override
    public Redacted eraseProvider(ProviderRedaction r) {
        if (r.userId() == null) {
            return Redacted.NOTHING;
        }
        eraseOwnHelp(r.userId());
        return Redacted.removed("rights.removed.provider-help");
    }
}
