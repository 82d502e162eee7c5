package org.dphub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout needs on every page: who is signed in, and the link to the other language. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    @ModelAttribute("signedInUser")
    SignedInUser signedInUser() {
        return CurrentUser.orNull();
    }

    /** The same page in the other language ("?lang=cy" or "?lang=en"), keeping its other parameters. */
    @ModelAttribute("otherLanguageUrl")
    String otherLanguageUrl(HttpServletRequest request, Locale locale) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        String path = errorUri != null ? errorUri.toString() : request.getRequestURI();
        String query = errorUri != null ? null : request.getQueryString();
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path).query(query).replaceQueryParam("lang");
        if ("POST".equals(request.getMethod())) {
            builder.replaceQuery(null);
        }
        return builder.queryParam("lang", "cy".equals(locale.getLanguage()) ? "en" : "cy").build().toUriString();
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return errorUri != null ? errorUri.toString() : request.getRequestURI();
    }
}
