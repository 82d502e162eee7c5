package org.dphub.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A wrong postcode on a council's form is answered with an example from that council's own area:
 * a Welsh council never shows an English postcode, nor an English council a Welsh one; a PA's
 * profile (a national register) gives none. Nothing is saved.
 */
@IntegrationTest
class PostcodeExampleIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Citizens citizens;

    long councilId(String code) {
        return jdbc.sql("SELECT id FROM council WHERE code = :code").param("code", code).query(Long.class).single();
    }

    long people() {
        return jdbc.sql("SELECT count(*) FROM citizen").query(Long.class).single();
    }

    String addPerson(String practitioner, String postcode, String lang) throws Exception {
        return mvc.perform(post("/citizens/new").with(new As(users).user(practitioner)).with(csrf()).param("lang", lang)
                        .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                        .param("givenName", "Test").param("familyName", "Person").param("dateOfBirth-day", "1")
                        .param("dateOfBirth-month", "2").param("dateOfBirth-year", "1960").param("postcode", postcode)
                        .param("preferredLanguage", lang).param("contactPreference", "LETTER"))
                .andReturn().getResponse().getContentAsString();
    }

    @Test
    void eachCouncilsExampleIsFromWhereItsPeopleLive() {
        assertThat(citizens.postcodeExample(councilId("demo-england"))).matches("(SY|TF|WV)\\d+ 1AA");
        assertThat(citizens.postcodeExample(councilId("demo-wales"))).matches("(CH|LL)\\d+ 1AA");
    }

    @Test
    void theAddAPersonFormGivesAnExampleFromTheCouncilsOwnArea() throws Exception {
        long before = people();
        String england = addPerson("practitioner@demo-england", "nonsense", "en");
        assertThat(england).containsPattern("Enter a real postcode, like (SY|TF|WV)\\d+ 1AA").doesNotContain("CH7");
        String wales = addPerson("practitioner@demo-wales", "nonsense", "cy");
        assertThat(wales).containsPattern("Rhowch god post go iawn, fel (CH|LL)\\d+ 1AA").doesNotContain("SY1");
        String missing = addPerson("practitioner@demo-wales", "", "en");
        assertThat(missing).containsPattern("Enter a postcode, like (CH|LL)\\d+ 1AA");
        assertThat(people()).as("nothing saved").isEqualTo(before);
    }

    @Test
    void aVacancyGivesTheCouncilsExampleAndAPasNationalProfileNone() throws Exception {
        long self = jdbc.sql("""
                        SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id
                        WHERE u.username = 'citizen@demo-wales' AND a.relationship = 'SELF'""").query(Long.class).single();
        String vacancy = mvc.perform(post("/my-vacancies/new").with(new As(users).user("citizen@demo-wales")).with(csrf())
                        .param("lang", "cy").param("citizen", Long.toString(self)).param("postcode", "CH7"))
                .andReturn().getResponse().getContentAsString();
        assertThat(vacancy).containsPattern("Rhowch god post llawn, fel (CH|LL)\\d+ 1AA");
        String profile = mvc.perform(post("/pa/profile/edit").with(new As(users).user("pa@demo-wales")).with(csrf())
                        .param("lang", "en").param("postcode", "nonsense"))
                .andReturn().getResponse().getContentAsString();
        assertThat(profile).contains("Enter a full UK postcode").doesNotContain("Enter a full UK postcode, like");
    }
}
