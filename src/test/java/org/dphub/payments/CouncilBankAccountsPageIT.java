package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.nio.charset.StandardCharsets;
import org.dphub.support.As;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The council's bank accounts, the one action on a finance officer's home page: it was a 500 in
 * both councils (the page gave #messages.msg four arguments). Now it shows both accounts.
 */
@IntegrationTest
class CouncilBankAccountsPageIT {

    @Autowired
    MockMvc mvc;
    @Autowired
    UserDetailsService users;

    @Test
    void financeOfficersInBothCouncilsSeeTheirCouncilsAccountsInBothLanguages() throws Exception {
        for (String council : new String[] {"demo-england", "demo-wales"}) {
            for (String lang : new String[] {"en", "cy"}) {
                MvcResult page = mvc.perform(get("/council-bank-accounts").param("lang", lang)
                        .with(new As(users).user("finance@" + council))).andReturn();
                assertThat(page.getResponse().getStatus()).as(council + " " + lang).isEqualTo(200);
                assertThat(page.getResponse().getContentAsString(StandardCharsets.UTF_8)).as(council + " " + lang)
                        .contains("cy".equals(lang) ? "cod didoli" : "sort code", "Prepaid Card Services Ltd");
            }
        }
    }
}
