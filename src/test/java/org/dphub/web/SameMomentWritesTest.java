package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import jakarta.servlet.MultipartConfigElement;
import jakarta.servlet.RequestDispatcher;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.ModelAndView;

/**
 * A write that a unique key refuses because another request wrote the same thing at the same moment (its
 * transaction rolled back whole) is a 409 that says so, on a page and in the API, never a 500.
 */
class SameMomentWritesTest {

    static final String WITH_AN_EMAIL = "PreparedStatementCallback; ERROR: duplicate key value violates unique constraint"
            + " \"app_user_username_key\"  Detail: Key (username)=(rhian@example.com) already exists.";

    @Controller
    static class APage {
        @PostMapping("/a-page")
        String write() {
            throw new DuplicateKeyException(WITH_AN_EMAIL);
        }
    }

    @RestController
    static class AnApi {
        @PostMapping("/api/v1/a-thing")
        String write() {
            throw new DuplicateKeyException(WITH_AN_EMAIL);
        }
    }

    final MockMvc mvc = MockMvcBuilders.standaloneSetup(new APage(), new AnApi())
            .setControllerAdvice(new SameMomentWrites(), new ApiProblems()).build();

    @Test
    void aPageGetsTheConflictPageWithALineSayingWhatHappened() throws Exception {
        MvcResult page = mvc.perform(post("/a-page")).andReturn();
        assertThat(page.getResponse().getStatus()).isEqualTo(409);
        assertThat(page.getRequest().getAttribute(ErrorPages.SAME_MOMENT)).isEqualTo(true);

        // the error page then drawn for it: the 409 page, with the line and the way back
        MockHttpServletRequest error = new MockHttpServletRequest("POST", "/error");
        error.setAttribute(RequestDispatcher.ERROR_STATUS_CODE, 409);
        error.setAttribute(ErrorPages.SAME_MOMENT, true);
        ModelAndView shown = new ErrorPages(new MultipartConfigElement("")).page(error);
        assertThat(shown.getViewName()).isEqualTo("error/409");
        assertThat(shown.getModel().get("detailKey")).isEqualTo("error.409.same-moment");
    }

    @Test
    void theApiAnswersProblemJsonWithoutTheKeysValues() throws Exception {
        MvcResult api = mvc.perform(post("/api/v1/a-thing")).andReturn();
        assertThat(api.getResponse().getStatus()).isEqualTo(409);
        assertThat(api.getResponse().getContentType()).isEqualTo("application/problem+json");
        assertThat(api.getResponse().getContentAsString()).contains("Another request made the same change at the same moment")
                .doesNotContain("rhian@example.com");
    }
}
