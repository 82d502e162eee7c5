package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ErrorPagesTest {

    @Test
    void theUploadLimitIsSaidAsPeopleReadItAndNeverRoundedUp() {
        assertThat(ErrorPages.readableSize(20L * 1024 * 1024)).isEqualTo("20 MB");
        assertThat(ErrorPages.readableSize(1536L * 1024)).isEqualTo("1.5 MB");
        assertThat(ErrorPages.readableSize(20L * 1024 * 1024 - 1)).isEqualTo("19.9 MB");
        assertThat(ErrorPages.readableSize(512L * 1024)).isEqualTo("512 KB");
        assertThat(ErrorPages.readableSize(100)).isEqualTo("1 KB");
    }

    static MockHttpServletRequest from(String referer) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/accounts/9/statements/new");
        request.addHeader("Host", "dphub.example:8080");
        if (referer != null) {
            request.addHeader("Referer", referer);
        }
        return request;
    }

    @Test
    void theWayBackIsOnlyEverToAPageOfThisSite() {
        assertThat(ErrorPages.backUrl(from("http://dphub.example:8080/accounts/9/statements/new?lang=cy")))
                .isEqualTo("/accounts/9/statements/new?lang=cy");
        assertThat(ErrorPages.backUrl(from("https://elsewhere.example/accounts/9"))).isNull();
        assertThat(ErrorPages.backUrl(from("http://dphub.example:8080//elsewhere.example/x"))).isNull();
        assertThat(ErrorPages.backUrl(from("javascript:alert(1)"))).isNull();
        assertThat(ErrorPages.backUrl(from("not a uri"))).isNull();
        assertThat(ErrorPages.backUrl(from(null))).isNull();
    }
}
