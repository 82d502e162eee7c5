package org.dphub.letters.internal;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.dphub.shared.personaldata.PersonalDataRows;
import org.dphub.shared.personaldata.PersonalDataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Letters, emails and texts sent to the person (issue 17). Most tell the person about their money
 * (returns, money left over, recovery), so they are kept with the money records, then their
 * recipient and words are blanked by the retention job (a recorded redaction, see the migration).
 */
@Component
class LettersPersonalData implements PersonalDataSource {

    private final JdbcClient jdbc;

    LettersPersonalData(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String section() {
        return "letters";
    }

    @Override
    public Set<String> tables() {
        return Set.of("letter", "letter_attempt");
    }

    @Override
    public Optional<Section> forCitizen(long councilId, long citizenId) {
        return PersonalDataRows.section(jdbc, section(), Map.of("council", councilId, "citizen", citizenId), Map.of("letter",
                "SELECT id, kind, language, channel, recipient, subject, body, status, sent_at, created_at FROM letter"
                        + " WHERE council_id = :council AND citizen_id = :citizen ORDER BY id"));
    }

    /**
     * Letters to a PA (issue 18: asked for cover), and to someone who acted for a person (issue 17: they stopped),
     * for their own subject access request.
     */
    @Override
    public Optional<Section> forUser(long userId) {
        return PersonalDataRows.section(jdbc, section(), Map.of("user", userId), Map.of("letter",
                "SELECT id, kind, language, channel, recipient, subject, body, status, sent_at, created_at FROM letter"
                        + " WHERE pa_profile_id IN (SELECT id FROM pa_profile WHERE user_id = :user)"
                        + " OR representative_id IN (SELECT id FROM representative WHERE user_id = :user) ORDER BY id"));
    }

    /**
     * The person's letters are kept with the money records. Letters to someone who acted for them, telling them they
     * stopped, name the person and are no money record: who they went to and what they said go.
     */
    @Override
    public Redacted erase(Redaction r) {
        int n = jdbc.sql("UPDATE letter SET recipient = NULL, subject = 'Erased', body = 'Erased'"
                        + " WHERE council_id = :council AND about_citizen_id = :citizen AND body <> 'Erased'")
                .param("council", r.councilId()).param("citizen", r.citizenId()).update();
        Redacted kept = Redacted.kept("rights.kept.letters", "rights.why.money");
        return n == 0 ? kept : Redacted.removed("rights.removed.letters-to-representatives").and(kept);
    }

    /** The letter telling a former representative they stopped: who it went to and what it said go. */
    @Override
    public Redacted eraseRepresentative(RepresentativeRedaction r) {
        int n = jdbc.sql("UPDATE letter SET recipient = NULL, subject = 'Erased', body = 'Erased'"
                        + " WHERE representative_id = :representative AND body <> 'Erased'")
                .param("representative", r.representativeId()).update();
        return n == 0 ? Redacted.NOTHING : Redacted.removed("rights.removed.representative-letters");
    }

    @Override
    public Redacted anonymiseMoneyRecords(Redaction r) {
        jdbc.sql("UPDATE letter SET recipient = NULL, subject = 'Erased', body = 'Erased'"
                        + " WHERE council_id = :council AND citizen_id = :citizen AND body <> 'Erased'")
                .param("council", r.councilId()).param("citizen", r.citizenId()).update();
        return Redacted.removed("rights.removed.letters");
    }

    /** Letters to a PA (asked for cover) are not money records: who they went to and what they said go. */
    @Override
    public Redacted erasePa(PaRedaction r) {
        int n = jdbc.sql("UPDATE letter SET recipient = NULL, subject = 'Erased', body = 'Erased'"
                        + " WHERE pa_profile_id = :profile AND body <> 'Erased'")
                .param("profile", r.paProfileId()).update();
        return n == 0 ? Redacted.NOTHING : Redacted.removed("rights.removed.pa-letters");
    }
}
