package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import tools.jackson.databind.json.JsonMapper;

/** The metrics scraper's token: long enough to be worth having, and only the right one lets it in. */
class MetricsTokenTest {

    static final String TOKEN = "a-metrics-token-of-forty-characters-0123";
    final JsonMapper json = JsonMapper.builder().build();

    @AfterEach
    void forget() {
        SecurityContextHolder.clearContext();
    }

    MockHttpServletResponse send(MetricsToken filter, String authorization) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/actuator/prometheus");
        if (authorization != null) {
            request.addHeader("Authorization", authorization);
        }
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response;
    }

    @Test
    void aShortTokenStopsTheAppStartingAndSaysWhy() {
        assertThatThrownBy(() -> new MetricsToken("short-token", json))
                .hasMessageContaining("DPHUB_METRICS_TOKEN must be at least 32 characters");
        new MetricsToken("", json); // empty: no token, only council administrators
        new MetricsToken(null, json);
    }

    @Test
    void theRightTokenIsTheMetricsScraper() throws Exception {
        MockHttpServletResponse response = send(new MetricsToken(TOKEN, json), "Bearer " + TOKEN);
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(SecurityContextHolder.getContext().getAuthentication().getAuthorities())
                .extracting(Object::toString).containsExactly(MetricsToken.AUTHORITY);
    }

    @Test
    void aWrongTokenOrAnyTokenWhenNoneIsSetIsRefused401() throws Exception {
        for (String wrong : new String[] {"Bearer " + TOKEN + "x", "Bearer " + TOKEN.substring(1), "bearer not-the-token", "Bearer "}) {
            MockHttpServletResponse response = send(new MetricsToken(TOKEN, json), wrong);
            assertThat(response.getStatus()).as(wrong).isEqualTo(401);
            assertThat(response.getContentType()).startsWith("application/problem+json");
            assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        }
        assertThat(send(new MetricsToken("", json), "Bearer " + TOKEN).getStatus()).isEqualTo(401);
    }

    @Test
    void noTokenLeavesItToHttpBasic() throws Exception {
        MockHttpServletResponse response = send(new MetricsToken(TOKEN, json), "Basic YWRtaW46cGFzc3dvcmQ=");
        assertThat(response.getStatus()).isEqualTo(200);
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
    }
}
