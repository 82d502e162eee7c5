package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** HTTP Basic for those who give a one-time code at sign-in: allowed by default, refused when switched off. */
class PasswordAloneRefusalTest {

    final JsonMapper json = JsonMapper.builder().build();
    /** identity's step, as it answers for a finance officer ("finance") and nobody else */
    final SignInStep codes = a -> "finance".equals(a.getName()) ? Optional.of("/sign-in/code") : Optional.empty();

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    MockHttpServletResponse call(boolean basicAllowed, Authentication who) throws Exception {
        SecurityContextHolder.getContext().setAuthentication(who);
        MockHttpServletResponse response = new MockHttpServletResponse();
        MockFilterChain chain = new MockFilterChain();
        new PasswordAloneRefusal(basicAllowed, List.of(codes), json).doFilter(new MockHttpServletRequest("GET", "/api/v1/me"), response, chain);
        if (chain.getRequest() != null) {
            response.setStatus(200);
        }
        return response;
    }

    static Authentication password(String name) {
        return UsernamePasswordAuthenticationToken.authenticated(name, null, AuthorityUtils.createAuthorityList("ROLE_FINANCE"));
    }

    @Test
    void byDefaultBasicStillWorksForEveryone() throws Exception {
        assertThat(call(true, password("finance")).getStatus()).isEqualTo(200);
    }

    @Test
    void switchedOffAFinanceOfficersPasswordAloneIsRefusedAndTheRequestGoesNoFurther() throws Exception {
        MockHttpServletResponse response = call(false, password("finance"));
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentType()).startsWith("application/problem+json");
        assertThat(response.getContentAsString()).contains("API key");
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }

    @Test
    void switchedOffOthersPasswordsAndAnyoneWithAnotherCredentialPass() throws Exception {
        assertThat(call(false, password("practitioner")).getStatus()).isEqualTo(200);
        // an API key (not a password) of a finance officer
        TestingAuthenticationToken key = new TestingAuthenticationToken("finance", null, "ROLE_FINANCE");
        assertThat(call(false, key).getStatus()).isEqualTo(200);
        assertThat(call(false, null).getStatus()).isEqualTo(200);
    }
}
