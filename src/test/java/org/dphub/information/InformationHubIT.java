package org.dphub.information;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.dphub.support.As;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The information hub (issue 16, section 2): the public contract (no sign-in, English and Welsh,
 * the jargon buster's filter), each council's page, full-text search with marked words, and the
 * council administrator's edits — refused when hard to read, threatening, holding a script tag or
 * adding a word twice; kept as versions, audited, and seen only by that council's readers.
 */
@IntegrationTest
class InformationHubIT {

    static final String ADMIN_WALES = "admin@demo-wales";
    static final String ADMIN_ENGLAND = "admin@demo-england";

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Information information;

    Http http() {
        return new Http(port);
    }

    MvcResult get(String user, String path) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.get(path).with(new As(users).user(user))).andReturn();
    }

    MvcResult post(String user, String path, String... params) throws Exception {
        var request = MockMvcRequestBuilders.post(path).with(csrf()).with(new As(users).user(user));
        for (int i = 0; i + 1 < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return mvc.perform(request).andReturn();
    }

    static String body(MvcResult result) throws Exception {
        return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void anyoneReadsTheHubWithoutSigningInInEnglishAndWelsh() {
        var hub = http().get("/information");
        assertThat(hub.statusCode()).isEqualTo(200);
        assertThat(hub.body()).contains("lang=\"en\"", "Direct payments explained", "What a direct payment is",
                "href=\"/information/paying-family\"", "href=\"/information/councils/demo-wales\"", "Jargon buster");

        var welsh = http().get("/information?lang=cy");
        assertThat(welsh.statusCode()).isEqualTo(200);
        assertThat(welsh.body()).contains("lang=\"cy\"", "Esbonio taliadau uniongyrchol", "Beth yw taliad uniongyrchol");

        var guide = http().get("/information/what-can-i-spend-it-on");
        assertThat(guide.statusCode()).isEqualTo(200);
        assertThat(guide.body()).contains("An Alexa", "A gym membership", "Going to the match with a <a",
                "as long as it&#39;s legal and linked to an <a class=\"govuk-link\" href=\"/information/jargon-buster#outcome\">outcome</a>",
                // a jargon buster word links to its entry the first time it appears
                "<a class=\"govuk-link\" href=\"/information/jargon-buster#direct-payment\">direct payment</a>");

        var guideCy = http().get("/information/paying-family?lang=cy");
        assertThat(guideCy.body()).contains("lang=\"cy\"", "Talu teulu", "rheoliad 6", "llys-riant");
        assertThat(http().get("/information/paying-family").body()).contains("regulation 3 of the 2014 regulations",
                "regulation 6 of the 2015 Wales regulations");

        assertThat(http().get("/information/no-such-guide").statusCode()).isEqualTo(404);
        assertThat(http().get("/information/reviews?council=no-such-council").statusCode()).isEqualTo(404);
    }

    @Test
    void howToGetOneIsAFlowchartWithATitleAndADescriptionAndTheSameNumberedSteps() {
        String page = http().get("/information/how-to-get-one").body();
        assertThat(page).contains("<svg", "role=\"img\"", "<title id=\"flowchart-1-title\">How to get a direct payment: the steps as a chart</title>",
                "<desc id=\"flowchart-1-desc\">A chart of 8 steps", "aria-labelledby=\"flowchart-1-title flowchart-1-desc\"",
                "<ol class=\"govuk-list govuk-list--number\"", "Ask your council for help with care and support.");
        assertThat(page.split("<rect", -1)).hasSize(9);
    }

    @Test
    void theJargonBusterFiltersWithQAndEscapesIt() {
        var all = http().get("/information/jargon-buster");
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.body()).contains("id=\"suitable-person\"", "id=\"individual-service-fund\"", "Connect and Enable");

        var surplus = http().get("/information/jargon-buster?q=surplus");
        assertThat(surplus.body()).contains("id=\"surplus\"").doesNotContain("id=\"dbs-check\"");

        var welsh = http().get("/information/jargon-buster?q=gwarged&lang=cy");
        assertThat(welsh.body()).contains("lang=\"cy\"", "id=\"surplus\"", "gwarged").doesNotContain("id=\"dbs-check\"");

        var script = http().get("/information/jargon-buster?q=%3Cscript%3Ealert(1)%3C/script%3E");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(script.body()).contains("No words match \u201c&lt;script&gt;alert(1)&lt;/script&gt;\u201d").doesNotContain("<script>alert");
    }

    @Test
    void eachCouncilHasAPageWithItsContactsAndItsSettingsInPlainWords() {
        var page = http().get("/information/councils/demo-england");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Contact the direct payments team", "How to ask for a direct payment",
                "Connect and Enable payment of up to £500", "Keep receipts for anything that costs more than £10",
                "send us your statements every 3 months", "within 6 months of your first payment, then at least every 12 months",
                "Care Act 2014");
        assertThat(http().get("/information/councils/demo-wales?lang=cy").body()).contains("lang=\"cy\"", "Deddf Gwasanaethau Cymdeithasol a Llesiant (Cymru) 2014");
        assertThat(http().get("/information/councils/nowhere").statusCode()).isEqualTo(404);
    }

    @Test
    void theShippedTextPassesItsOwnChecks() {
        for (String language : List.of("en", "cy")) {
            Locale locale = Locale.forLanguageTag(language);
            for (Guide guide : information.guides(language, null)) {
                for (String text : List.of(guide.title(), guide.summary(), guide.body())) {
                    assertThat(HubWording.check(text, locale, language.equals("en") && text.equals(guide.body())))
                            .as(guide.slug() + " in " + language).isEmpty();
                }
            }
            for (GlossaryTerm term : information.terms(language, null)) {
                assertThat(HubWording.check(term.definition(), locale, language.equals("en"))).as(term.key() + " in " + language).isEmpty();
            }
            assertThat(information.guides(language, null)).hasSize(9);
            assertThat(information.terms(language, null)).hasSizeGreaterThanOrEqualTo(24);
        }
    }

    @Test
    void searchFindsGuidesAndWordsWithTheMatchingWordsMarked() {
        var gym = http().get("/information/search?q=gym+membership");
        assertThat(gym.statusCode()).isEqualTo(200);
        assertThat(gym.body()).contains("href=\"/information/what-can-i-spend-it-on\"", "<mark>gym</mark>", "<mark>membership</mark>");

        // English is stemmed: "reviewing" finds "reviews"
        assertThat(http().get("/information/search?q=reviewing").body()).contains("href=\"/information/reviews\"");

        // Welsh: a mutated form finds the radical ("daliad" → "taliad") and the other way round
        var welsh = http().get("/information/search?q=daliad+uniongyrchol&lang=cy");
        assertThat(welsh.body()).contains("lang=\"cy\"", "href=\"/information/what-is-a-direct-payment\"", "<mark>taliad</mark>");
        assertThat(http().get("/information/search?q=gampfa&lang=cy").body()).contains("href=\"/information/what-can-i-spend-it-on\"");

        var script = http().get("/information/search?q=%3Cscript%3Egym");
        assertThat(script.body()).contains("&lt;script&gt;gym").doesNotContain("<script>gym");
        assertThat(http().get("/information/search?q=zzqxv").body()).contains("Nothing matches");
    }

    @Test
    void anAdministratorsGuideIsCheckedThenKeptAsANewVersionForTheirCouncilOnly() throws Exception {
        Guide en = information.guide("reviews", "en", councilId("demo-wales")).orElseThrow();
        Guide cy = information.guide("reviews", "cy", councilId("demo-wales")).orElseThrow();
        long guideVersionsBefore = guideVersions("demo-wales");

        // the score is the whole text's, as for letters; the refusal names the hardest sentence
        String hard = "We review your support. Notwithstanding the aforementioned administrative considerations, individualised "
                + "expenditure documentation necessitates comprehensive organisational verification procedures. Consequently, "
                + "practitioners evaluate arrangements periodically.";
        MvcResult refused = post(ADMIN_WALES, "/council/information/guides/reviews", "title", en.title(), "summary", en.summary(),
                "body", hard, "titleCy", cy.title(), "summaryCy", cy.summary(), "bodyCy", cy.body());
        assertThat(refused.getResponse().getStatus()).isEqualTo(200);
        assertThat(body(refused)).contains("There is a problem", "the guide in English has a reading ease of",
                "Start with this sentence", "Notwithstanding the aforementioned administrative considerations");

        MvcResult script = post(ADMIN_WALES, "/council/information/guides/reviews", "title", en.title(), "summary", en.summary(),
                "body", en.body(), "titleCy", cy.title(), "summaryCy", cy.summary(), "bodyCy", cy.body() + "<script>alert(1)</script>");
        assertThat(body(script)).contains("Take the script tag out of the guide in Welsh").doesNotContain("<script>alert(1)");

        MvcResult threat = post(ADMIN_WALES, "/council/information/guides/reviews", "title", en.title(), "summary", en.summary(),
                "body", en.body() + "\n\nA breach of the rules means we stop the money.", "titleCy", cy.title(),
                "summaryCy", cy.summary(), "bodyCy", cy.body());
        assertThat(body(threat)).contains("\u201cbreach\u201d can read as a threat", "A breach of the rules means we stop the money.");
        assertThat(guideVersions("demo-wales")).as("nothing saved").isEqualTo(guideVersionsBefore);

        String word = "Zx" + UUID.randomUUID().toString().substring(0, 6);
        MvcResult saved = post(ADMIN_WALES, "/council/information/guides/reviews", "title", en.title(), "summary", en.summary(),
                "body", en.body() + "\n\nOur team in " + word + " can visit you at home.", "titleCy", cy.title(),
                "summaryCy", cy.summary(), "bodyCy", cy.body());
        assertThat(saved.getResponse().getRedirectedUrl()).isEqualTo("/council/information?done=guide");
        assertThat(guideVersions("demo-wales")).as("only the English changed").isEqualTo(guideVersionsBefore + 1);

        // a second administrator who opened the guide before that save cannot quietly replace it
        MvcResult stale = post(ADMIN_WALES, "/council/information/guides/reviews", "title", en.title(), "summary", en.summary(),
                "body", en.body() + "\n\nSomething else.", "titleCy", cy.title(), "summaryCy", cy.summary(), "bodyCy", cy.body(),
                "basedOn", String.valueOf(en.id()), "basedOnCy", String.valueOf(cy.id()));
        assertThat(body(stale)).contains("Someone else saved a new version of this guide after you opened it");
        assertThat(guideVersions("demo-wales")).isEqualTo(guideVersionsBefore + 1);

        // the council's readers see it; the national text and the other council's readers do not
        assertThat(http().get("/information/reviews?council=demo-wales").body()).contains("Our team in " + word);
        assertThat(http().get("/information/reviews").body()).doesNotContain(word);
        assertThat(http().get("/information/reviews?council=demo-england").body()).doesNotContain(word);

        // every version is kept, and the change is in the audit trail in words
        String edit = body(get(ADMIN_WALES, "/council/information/guides/reviews"));
        assertThat(edit).contains("The national text", "Your council&#39;s version " + (en.isCouncilsOwn() ? en.version() + 1 : 1));
        assertThat(jdbc.sql("SELECT count(*) FROM information_guide_version WHERE slug = 'reviews' AND language = 'en' AND council_id IS NULL")
                .query(Long.class).single()).isEqualTo(1);
        String trail = body(get(ADMIN_WALES, "/council/audit-trail"));
        assertThat(trail).contains("of the guide \u201cReviews\u201d (English)");
        String sentence = jdbc.sql("SELECT after_state->>'title' FROM audit_event WHERE entity_type = 'information_guide' "
                + "AND entity_id = 'reviews/en' AND council_id = :c ORDER BY id DESC LIMIT 1").param("c", councilId("demo-wales"))
                .query(String.class).single();
        assertThat(sentence).isEqualTo("Reviews");
    }

    @Test
    void aWordTwiceIsRefusedAndANewWordIsAddedInBothLanguages() throws Exception {
        MvcResult twice = post(ADMIN_WALES, "/council/information/terms/new", "term", "Direct Payment", "definition", "Money to spend.",
                "termCy", "gair newydd " + UUID.randomUUID().toString().substring(0, 4), "definitionCy", "Arian i'w wario.");
        assertThat(body(twice)).contains("\u201cdirect payment\u201d is already in the jargon buster");

        String word = "pooled budget " + UUID.randomUUID().toString().substring(0, 4);
        MvcResult added = post(ADMIN_WALES, "/council/information/terms/new", "term", word,
                "definition", "Money that a few people put together to buy something they share.",
                "termCy", "cyllideb gyfun " + word.substring(word.length() - 4), "definitionCy", "Arian y mae ychydig o bobl yn ei roi at ei gilydd.");
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/council/information?done=term");
        String entry = "id=\"" + word.replace(' ', '-') + "\"";
        assertThat(http().get("/information/jargon-buster?council=demo-wales&q=" + word.replace(' ', '+')).body()).contains(entry, word);
        assertThat(http().get("/information/jargon-buster?q=" + word.replace(' ', '+')).body()).doesNotContain(entry).contains("No words match");
        assertThat(http().get("/information/jargon-buster?council=demo-england&q=" + word.replace(' ', '+')).body()).doesNotContain(entry);

        MvcResult again = post(ADMIN_WALES, "/council/information/terms/new", "term", word.toUpperCase(Locale.ROOT),
                "definition", "Money to share.", "termCy", "rhywbeth arall " + UUID.randomUUID().toString().substring(0, 4),
                "definitionCy", "Arian.");
        assertThat(body(again)).contains("is already in the jargon buster");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE entity_type = 'information_term' AND action = 'CREATE' "
                + "AND after_state->>'term' = :t").param("t", word).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aStoryNeedsTheTickedConsentAndThenShowsOnTheGuide() throws Exception {
        String quote = "My PA and I go to every home game now " + UUID.randomUUID().toString().substring(0, 6) + ".";
        MvcResult noConsent = post(ADMIN_ENGLAND, "/council/information/stories", "guide", "what-can-i-spend-it-on", "language", "en",
                "quote", quote, "attribution", "Sam");
        assertThat(body(noConsent)).contains("Tick the box to say the person has agreed");
        assertThat(http().get("/information/what-can-i-spend-it-on").body()).doesNotContain(quote);

        MvcResult script = post(ADMIN_ENGLAND, "/council/information/stories", "guide", "what-can-i-spend-it-on", "language", "en",
                "quote", "<script>alert(1)</script>", "attribution", "Sam", "consent", "yes");
        assertThat(body(script)).contains("Take the script tag out of the person");

        MvcResult added = post(ADMIN_ENGLAND, "/council/information/stories", "guide", "what-can-i-spend-it-on", "language", "en",
                "quote", quote, "attribution", "Sam, Ludlow", "consent", "yes");
        assertThat(added.getResponse().getRedirectedUrl()).isEqualTo("/council/information/stories?done=added");
        assertThat(http().get("/information/what-can-i-spend-it-on?council=demo-england").body()).contains(quote, "Sam, Ludlow");
        assertThat(http().get("/information/what-can-i-spend-it-on?council=demo-wales").body()).doesNotContain(quote);
        assertThat(http().get("/information/councils/demo-england").body()).contains(quote);
    }

    @Test
    void onlyACouncilAdministratorEdits() throws Exception {
        assertThat(get("citizen@demo-england", "/council/information").getResponse().getStatus()).isEqualTo(403);
        assertThat(get("dp-team@demo-england", "/council/information/guides/reviews").getResponse().getStatus()).isEqualTo(403);
        assertThat(post("citizen@demo-england", "/council/information/terms/new", "term", "x").getResponse().getStatus()).isEqualTo(403);
        assertThat(http().get("/council/information").statusCode()).isIn(302, 401, 403);
        assertThat(get(ADMIN_ENGLAND, "/council/information/guides/no-such-guide").getResponse().getStatus()).isEqualTo(404);
        assertThat(get(ADMIN_ENGLAND, "/council/information").getResponse().getStatus()).isEqualTo(200);
    }

    long councilId(String code) {
        return jdbc.sql("SELECT id FROM council WHERE code = :c").param("c", code).query(Long.class).single();
    }

    long guideVersions(String code) {
        return jdbc.sql("SELECT count(*) FROM information_guide_version WHERE council_id = :c").param("c", councilId(code))
                .query(Long.class).single();
    }
}
