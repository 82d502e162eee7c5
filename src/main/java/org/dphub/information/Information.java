package org.dphub.information;

import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.information.internal.InformationRepository;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The information hub's public face: what readers see (guides, the jargon buster, stories,
 * search) and the council administrator's edits. Readers name a council or not: with one, its own
 * versions win over the national text; without, they read the national text.
 */
@Service
public class Information {

    public static final String GUIDE_AUDIT = "information_guide";
    public static final String TERM_AUDIT = "information_term";
    public static final String STORY_AUDIT = "information_story";
    public static final int MOST_TITLE = 120;
    public static final int MOST_SUMMARY = 300;
    public static final int MOST_BODY = 20_000;
    public static final int MOST_TERM = 100;
    public static final int MOST_DEFINITION = 2_000;
    public static final int MOST_QUOTE = 1_000;
    public static final int MOST_ATTRIBUTION = 100;
    static final Locale ENGLISH = Locale.forLanguageTag("en");
    static final Locale WELSH = Locale.forLanguageTag("cy");

    private final InformationRepository repository;
    private final AuditTrail audit;

    Information(InformationRepository repository, AuditTrail audit) {
        this.repository = repository;
        this.audit = audit;
    }

    public static String language(Locale locale) {
        return "cy".equals(locale.getLanguage()) ? "cy" : "en";
    }

    public List<Guide> guides(String language, Long councilId) {
        return repository.currentGuides(language, councilId);
    }

    public Optional<Guide> guide(String slug, String language, Long councilId) {
        return repository.currentGuide(slug, language, councilId);
    }

    public List<GlossaryTerm> terms(String language, Long councilId) {
        return repository.currentTerms(language, councilId);
    }

    /** The jargon buster's entries whose word or meaning holds {@code query} (any case); all of them for none. */
    public List<GlossaryTerm> terms(String language, Long councilId, String query) {
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return terms(language, councilId).stream().filter(t -> q.isEmpty()
                || t.term().toLowerCase(Locale.ROOT).contains(q) || t.definition().toLowerCase(Locale.ROOT).contains(q)).toList();
    }

    /** A guide read as blocks, with the jargon buster's words linked to their entries. */
    public GuideText text(Guide guide, Long councilId, String councilCode) {
        String scope = councilCode == null ? "" : "?council=" + councilCode;
        List<GuideText.Term> words = terms(guide.language(), councilId).stream()
                .map(t -> new GuideText.Term(t.term(), "/information/jargon-buster" + scope + "#" + t.key())).toList();
        return GuideText.parse(guide.body(), words);
    }

    public List<Story> stories(String slug, String language, Long councilId) {
        return repository.stories(slug, language, councilId, 3);
    }

    public List<Story> councilStories(long councilId, String language) {
        return repository.councilStories(councilId, language);
    }

    /** Full-text search of the guides and words in one language (English stemmed; Welsh with its mutations). */
    public List<SearchResult> search(String query, String language, Long councilId) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty()) {
            return List.of();
        }
        boolean welsh = "cy".equals(language);
        String tsquery = welsh ? WelshQuery.tsquery(q) : q;
        if (tsquery.isBlank()) {
            return List.of();
        }
        return repository.search(language, councilId, welsh ? "simple" : "english", !welsh, tsquery, SearchResult.START,
                        SearchResult.STOP).stream()
                .map(h -> new SearchResult(h.kind(), h.key(), h.title(), SearchResult.parts(h.headline()))).toList();
    }

    // --- editing -------------------------------------------------------------------------------

    public List<Guide> guideHistory(String slug, SignedInUser admin) {
        return repository.guideHistory(slug, councilOf(admin));
    }

    public List<GlossaryTerm> termHistory(String key, SignedInUser admin) {
        return repository.termHistory(key, councilOf(admin));
    }

    /**
     * Saves the council's new version of a guide in each language whose words changed. Every field
     * is checked first (mark-up, threatening words, English reading ease); when anything is wrong
     * {@code errors} names it and nothing is saved. Returns how many versions were added.
     */
    @Transactional
    public int saveGuide(SignedInUser admin, String slug, GuideEdit edit, FormErrors errors) {
        long council = councilOf(admin);
        repository.lockCouncil(council);
        Guide en = repository.currentGuide(slug, "en", council).orElseThrow(NotFound::new);
        Guide cy = repository.currentGuide(slug, "cy", council).orElseThrow(NotFound::new);
        if ((edit.basedOn() != null && edit.basedOn() != en.id()) || (edit.basedOnCy() != null && edit.basedOnCy() != cy.id())) {
            errors.reject("body", "information.error.changed-meanwhile");
            return 0;
        }
        String title = checked(errors, "title", edit.title(), MOST_TITLE, "information.label.title", ENGLISH, false);
        String summary = checked(errors, "summary", edit.summary(), MOST_SUMMARY, "information.label.summary", ENGLISH, false);
        String body = checked(errors, "body", edit.body(), MOST_BODY, "information.label.body", ENGLISH, true);
        String titleCy = checked(errors, "titleCy", edit.titleCy(), MOST_TITLE, "information.label.title-cy", WELSH, false);
        String summaryCy = checked(errors, "summaryCy", edit.summaryCy(), MOST_SUMMARY, "information.label.summary-cy", WELSH, false);
        String bodyCy = checked(errors, "bodyCy", edit.bodyCy(), MOST_BODY, "information.label.body-cy", WELSH, false);
        if (!errors.isEmpty()) {
            return 0;
        }
        int added = 0;
        added += saveGuide(council, admin, en, title, summary, body);
        added += saveGuide(council, admin, cy, titleCy, summaryCy, bodyCy);
        return added;
    }

    private int saveGuide(long council, SignedInUser admin, Guide current, String title, String summary, String body) {
        if (current.title().equals(title) && current.summary().equals(summary) && current.body().equals(normalised(body))) {
            return 0;
        }
        int version = repository.addGuideVersion(council, current, title, summary, normalised(body), admin.username());
        audit.record(council, GUIDE_AUDIT, current.slug() + "/" + current.language(), AuditAction.UPDATE,
                values(current.title(), current.language(), current.version(), current.isCouncilsOwn()),
                values(title, current.language(), version, true));
        return 1;
    }

    private static Map<String, Object> values(String title, String language, int version, boolean councilsOwn) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("title", title);
        values.put("language", language);
        values.put("version", version);
        values.put("councilsOwn", councilsOwn);
        return values;
    }

    /**
     * Adds a word to the jargon buster ({@code key} null) or saves a new version of one, in both
     * languages. A word already in the jargon buster (in either language, any case) is refused: it
     * would show twice. Returns the entry's key, or null when {@code errors} says what to change.
     */
    @Transactional
    public String saveTerm(SignedInUser admin, String key, TermEdit edit, FormErrors errors) {
        long council = councilOf(admin);
        repository.lockCouncil(council);
        Map<String, GlossaryTerm> en = byKey(repository.currentTerms("en", council));
        Map<String, GlossaryTerm> cy = byKey(repository.currentTerms("cy", council));
        if (key != null && (!en.containsKey(key) || !cy.containsKey(key))) {
            throw new NotFound();
        }
        String term = checked(errors, "term", edit.term(), MOST_TERM, "information.label.term", ENGLISH, false);
        String definition = checked(errors, "definition", edit.definition(), MOST_DEFINITION, "information.label.definition", ENGLISH, true);
        String termCy = checked(errors, "termCy", edit.termCy(), MOST_TERM, "information.label.term-cy", WELSH, false);
        String definitionCy = checked(errors, "definitionCy", edit.definitionCy(), MOST_DEFINITION, "information.label.definition-cy", WELSH, false);
        String newKey = key != null ? key : term == null ? null : keyOf(term);
        if (term != null && newKey.isEmpty()) {
            errors.reject("term", "information.error.term-letters");
        }
        if (term != null) {
            duplicate(en, key, term).ifPresent(t -> errors.reject("term", "information.error.duplicate", t.term()));
            if (key == null && en.containsKey(newKey) && errors.message("term") == null) {
                errors.reject("term", "information.error.duplicate", en.get(newKey).term());
            }
        }
        if (termCy != null) {
            duplicate(cy, key, termCy).ifPresent(t -> errors.reject("termCy", "information.error.duplicate", t.term()));
        }
        if (!errors.isEmpty()) {
            return null;
        }
        saveTerm(council, admin, newKey, "en", en.get(newKey), term, definition);
        saveTerm(council, admin, newKey, "cy", cy.get(newKey), termCy, definitionCy);
        return newKey;
    }

    private void saveTerm(long council, SignedInUser admin, String key, String language, GlossaryTerm current, String term,
                          String definition) {
        if (current != null && current.term().equals(term) && current.definition().equals(definition)) {
            return;
        }
        int version = repository.addTermVersion(council, key, language, term, definition, admin.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("term", term);
        after.put("language", language);
        after.put("version", version);
        Map<String, Object> before = null;
        if (current != null) {
            before = new LinkedHashMap<>();
            before.put("term", current.term());
            before.put("language", language);
            before.put("version", current.version());
        }
        audit.record(council, TERM_AUDIT, key + "/" + language, current == null ? AuditAction.CREATE : AuditAction.UPDATE, before, after);
    }

    private static Optional<GlossaryTerm> duplicate(Map<String, GlossaryTerm> terms, String key, String term) {
        String wanted = comparable(term);
        return terms.values().stream().filter(t -> !t.key().equals(key) && comparable(t.term()).equals(wanted)).findFirst();
    }

    private static String comparable(String term) {
        return term.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }

    private static Map<String, GlossaryTerm> byKey(List<GlossaryTerm> terms) {
        Map<String, GlossaryTerm> map = new LinkedHashMap<>();
        terms.forEach(t -> map.put(t.key(), t));
        return map;
    }

    /** "Employer's liability insurance" → "employers-liability-insurance". */
    static String keyOf(String term) {
        String ascii = Normalizer.normalize(term, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT);
        String key = ascii.replaceAll("['’]", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return key.length() > 80 ? key.substring(0, 80).replaceAll("-+$", "") : key;
    }

    /** Adds a person's words to a guide, only when staff have ticked that the person agreed. Returns its id, or null. */
    @Transactional
    public Long addStory(SignedInUser staff, StoryInput input, FormErrors errors) {
        long council = councilOf(staff);
        String language = "cy".equals(input.language()) ? "cy" : "en".equals(input.language()) ? "en" : null;
        if (language == null) {
            errors.reject("language", "information.error.story-language");
        }
        boolean knownGuide = input.guide() != null && repository.currentGuide(input.guide(), "en", council).isPresent();
        if (!knownGuide) {
            errors.reject("guide", "information.error.story-guide");
        }
        String quote = checkedPlain(errors, "quote", input.quote(), MOST_QUOTE, "information.label.quote",
                language == null ? ENGLISH : Locale.forLanguageTag(language));
        String attribution = checkedPlain(errors, "attribution", input.attribution(), MOST_ATTRIBUTION,
                "information.label.attribution", ENGLISH);
        if (!"yes".equals(input.consent())) {
            errors.reject("consent", "information.error.consent");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        long id = repository.addStory(council, input.guide(), language, quote, attribution, staff.username());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("guide", input.guide());
        after.put("language", language);
        after.put("attribution", attribution);
        after.put("quote", quote);
        after.put("consentGiven", true);
        audit.record(council, STORY_AUDIT, id, AuditAction.CREATE, null, after);
        return id;
    }

    /** Text a reader will see: required, not too long, and passing the hub's wording checks. */
    private static String checked(FormErrors errors, String field, String value, int most, String labelKey, Locale language,
                                  boolean readingEase) {
        String text = value == null ? "" : normalised(value).strip();
        String label = errors.messages().getMessage(labelKey, null, labelKey, errors.locale());
        if (text.isEmpty()) {
            errors.reject(field, "text.error.required", label);
            return null;
        }
        if (text.length() > most) {
            errors.reject(field, "text.error.too-long", label, most);
            return null;
        }
        Optional<HubWording.Problem> problem = HubWording.check(text, language, readingEase && language.getLanguage().equals("en"));
        if (problem.isPresent()) {
            List<Object> args = new java.util.ArrayList<>();
            args.add(label);
            args.addAll(problem.get().args());
            errors.reject(field, problem.get().key(), args.toArray());
            return null;
        }
        return text;
    }

    /** A person's own words: no mark-up, but not held to the reading-ease score (they are theirs). */
    private static String checkedPlain(FormErrors errors, String field, String value, int most, String labelKey, Locale language) {
        String text = value == null ? "" : value.strip();
        if (!text.isEmpty() && HubWording.SCRIPT.matcher(text).find()) {
            errors.reject(field, "information.error.script", errors.messages().getMessage(labelKey, null, labelKey, errors.locale()));
            return null;
        }
        return errors.text(field, text, most, true, labelKey);
    }

    private static String normalised(String text) {
        return text.replace("\r\n", "\n");
    }

    private static long councilOf(SignedInUser user) {
        if (user == null || user.councilId() == null || !(user.has(Role.COUNCIL_ADMIN))) {
            throw new NotFound();
        }
        return user.councilId();
    }
}
