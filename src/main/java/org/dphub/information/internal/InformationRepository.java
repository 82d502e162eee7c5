package org.dphub.information.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import org.dphub.information.GlossaryTerm;
import org.dphub.information.Guide;
import org.dphub.information.Story;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Guides, words and stories. A guide or word is never changed in place: each save adds a version,
 * and what people read is the newest version — the council's own where it has one, else the
 * national (shipped) text.
 */
@Repository
public class InformationRepository {

    /** The guides a council's readers see (council NULL: the national text only), one row a slug. */
    static final String CURRENT_GUIDES = """
            SELECT DISTINCT ON (slug) * FROM information_guide_version
            WHERE language = :language AND (council_id IS NULL OR council_id = CAST(:council AS bigint))
            ORDER BY slug, (council_id IS NULL), version DESC""";
    static final String CURRENT_TERMS = """
            SELECT DISTINCT ON (term_key) * FROM information_term_version
            WHERE language = :language AND (council_id IS NULL OR council_id = CAST(:council AS bigint))
            ORDER BY term_key, (council_id IS NULL), version DESC""";

    private final JdbcClient jdbc;

    InformationRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Guide> currentGuides(String language, Long councilId) {
        return jdbc.sql("SELECT * FROM (" + CURRENT_GUIDES + ") g ORDER BY position, slug")
                .param("language", language).param("council", councilId).query(InformationRepository::guide).list();
    }

    public Optional<Guide> currentGuide(String slug, String language, Long councilId) {
        return jdbc.sql("SELECT * FROM (" + CURRENT_GUIDES + ") g WHERE slug = :slug")
                .param("language", language).param("council", councilId).param("slug", slug)
                .query(InformationRepository::guide).optional();
    }

    /** Every version of a guide this council's readers have been shown: the national text's and the council's own, newest first. */
    public List<Guide> guideHistory(String slug, long councilId) {
        return jdbc.sql("""
                        SELECT * FROM information_guide_version WHERE slug = :slug AND (council_id IS NULL OR council_id = :council)
                        ORDER BY (council_id IS NULL), version DESC, language""")
                .param("slug", slug).param("council", councilId).query(InformationRepository::guide).list();
    }

    /** Adds the council's next version of a guide in one language; returns its number. */
    public int addGuideVersion(long councilId, Guide from, String title, String summary, String body, String by) {
        return jdbc.sql("""
                        INSERT INTO information_guide_version (council_id, slug, language, version, position, title, summary, body, created_by)
                        SELECT :council, :slug, :language, coalesce(max(version), 0) + 1, :position, :title, :summary, :body, :by
                        FROM information_guide_version WHERE council_id = :council AND slug = :slug AND language = :language
                        RETURNING version""")
                .param("council", councilId).param("slug", from.slug()).param("language", from.language())
                .param("position", from.position()).param("title", title).param("summary", summary).param("body", body)
                .param("by", by).query(Integer.class).single();
    }

    public List<GlossaryTerm> currentTerms(String language, Long councilId) {
        return jdbc.sql("SELECT * FROM (" + CURRENT_TERMS + ") t ORDER BY lower(term)")
                .param("language", language).param("council", councilId).query(InformationRepository::term).list();
    }

    public List<GlossaryTerm> termHistory(String key, long councilId) {
        return jdbc.sql("""
                        SELECT * FROM information_term_version WHERE term_key = :key AND (council_id IS NULL OR council_id = :council)
                        ORDER BY (council_id IS NULL), version DESC, language""")
                .param("key", key).param("council", councilId).query(InformationRepository::term).list();
    }

    public int addTermVersion(long councilId, String key, String language, String term, String definition, String by) {
        return jdbc.sql("""
                        INSERT INTO information_term_version (council_id, term_key, language, version, term, definition, created_by)
                        SELECT :council, :key, :language, coalesce(max(version), 0) + 1, :term, :definition, :by
                        FROM information_term_version WHERE council_id = :council AND term_key = :key AND language = :language
                        RETURNING version""")
                .param("council", councilId).param("key", key).param("language", language).param("term", term)
                .param("definition", definition).param("by", by).query(Integer.class).single();
    }

    /** Locks the council's edits to the hub for this transaction, so two saves cannot take the same version. */
    public void lockCouncil(long councilId) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('information'), CAST(:council AS int))").param("council", councilId)
                .query((rs, n) -> 1).list();
    }

    public long addStory(long councilId, String slug, String language, String quote, String attribution, String by) {
        return jdbc.sql("""
                        INSERT INTO information_story (council_id, guide_slug, language, quote, attribution, consent_given, consent_recorded_by)
                        VALUES (:council, :slug, :language, :quote, :attribution, true, :by) RETURNING id""")
                .param("council", councilId).param("slug", slug).param("language", language).param("quote", quote)
                .param("attribution", attribution).param("by", by).query(Long.class).single();
    }

    /** Stories on a guide in a language: one council's, or (council NULL) every council's; newest first. */
    public List<Story> stories(String slug, String language, Long councilId, int limit) {
        return jdbc.sql("""
                        SELECT * FROM information_story WHERE guide_slug = :slug AND language = :language
                        AND (CAST(:council AS bigint) IS NULL OR council_id = CAST(:council AS bigint))
                        ORDER BY created_at DESC, id DESC LIMIT :limit""")
                .param("slug", slug).param("language", language).param("council", councilId).param("limit", limit)
                .query(InformationRepository::story).list();
    }

    public List<Story> councilStories(long councilId, String language) {
        return jdbc.sql("""
                        SELECT * FROM information_story WHERE council_id = :council AND language = :language
                        ORDER BY created_at DESC, id DESC LIMIT 50""")
                .param("council", councilId).param("language", language).query(InformationRepository::story).list();
    }

    /** A row of a search: kind, key, title, and ts_headline's extract (matches between the two markers). */
    public record Hit(String kind, String key, String title, String headline) {
    }

    /**
     * Full-text search over the guides and words readers see. {@code config} is 'english' or
     * 'simple'; {@code tsquery} is what websearch_to_tsquery (English) or to_tsquery (Welsh) reads.
     */
    public List<Hit> search(String language, Long councilId, String config, boolean websearch, String tsquery,
                            char start, char stop) {
        String query = websearch ? "websearch_to_tsquery(CAST(:config AS regconfig), :q)" : "to_tsquery(CAST(:config AS regconfig), :q)";
        String options = "StartSel=\"" + start + "\", StopSel=\"" + stop + "\", MaxWords=28, MinWords=10, ShortWord=2, MaxFragments=2, "
                + "FragmentDelimiter=\" … \"";
        // the extract is taken from the words people read: mark-up out, and the two markers never in the text itself
        String plainBody = "translate(regexp_replace(regexp_replace(g.body, '\\[([^\\]\\[]+)\\]\\([^()]*\\)', '\\1', 'g'), "
                + "'(^|\\n)(## |- |\\d+\\. |\\[flowchart\\])', '\\1', 'g'), :markers, '')";
        return jdbc.sql("WITH q AS (SELECT " + query + " AS query), "
                        + "g AS (" + CURRENT_GUIDES + "), t AS (" + CURRENT_TERMS + ") "
                        + "SELECT 'guide' AS kind, g.slug AS key, g.title, "
                        + "ts_headline(CAST(:config AS regconfig), translate(g.summary, :markers, '') || ' ' || " + plainBody
                        + ", q.query, :options) AS headline, ts_rank(g.search, q.query) AS rank "
                        + "FROM g, q WHERE g.search @@ q.query "
                        + "UNION ALL SELECT 'term', t.term_key, t.term, ts_headline(CAST(:config AS regconfig), "
                        + "translate(t.definition, :markers, ''), q.query, :options), ts_rank(t.search, q.query) "
                        + "FROM t, q WHERE t.search @@ q.query ORDER BY rank DESC, kind, title LIMIT 30")
                .param("config", config).param("q", tsquery).param("language", language).param("council", councilId)
                .param("markers", "" + start + stop).param("options", options)
                .query((rs, n) -> new Hit(rs.getString("kind"), rs.getString("key"), rs.getString("title"), rs.getString("headline")))
                .list();
    }

    static Guide guide(ResultSet rs, int n) throws SQLException {
        return new Guide(rs.getLong("id"), (Long) rs.getObject("council_id", Long.class), rs.getString("slug"), rs.getString("language"),
                rs.getInt("version"), rs.getInt("position"), rs.getString("title"), rs.getString("summary"), rs.getString("body"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")));
    }

    static GlossaryTerm term(ResultSet rs, int n) throws SQLException {
        return new GlossaryTerm(rs.getLong("id"), (Long) rs.getObject("council_id", Long.class), rs.getString("term_key"),
                rs.getString("language"), rs.getInt("version"), rs.getString("term"), rs.getString("definition"),
                rs.getString("created_by"), instant(rs.getTimestamp("created_at")));
    }

    static Story story(ResultSet rs, int n) throws SQLException {
        return new Story(rs.getLong("id"), rs.getLong("council_id"), rs.getString("guide_slug"), rs.getString("language"),
                rs.getString("quote"), rs.getString("attribution"), instant(rs.getTimestamp("created_at")));
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
