package org.dphub.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;
import org.thymeleaf.context.LazyContextVariable;

/** What the layout needs on every page: who is signed in, the menu, and the link to the other language. */
@ControllerAdvice(annotations = Controller.class)
class LayoutModel {

    private final ServiceNavigation navigation;

    LayoutModel(ServiceNavigation navigation) {
        this.navigation = navigation;
    }

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

    /**
     * The menu's links for this person on this page ({@link ServiceNavigation}), worked out only when a
     * page is drawn (an answer in JSON or a redirect never asks), in the page's language. A model value
     * rather than a call in the layout: Spring's expression compiler cannot compile a call on a bean,
     * so every page made it by reflection, converting its arguments each time (bin/bench load).
     */
    @ModelAttribute("serviceNavigationItems")
    LazyContextVariable<List<ServiceNavigation.Item>> serviceNavigationItems(HttpServletRequest request) {
        SignedInUser user = CurrentUser.orNull();
        String path = currentPath(request);
        return new LazyContextVariable<>() {
            @Override
            protected List<ServiceNavigation.Item> loadValue() {
                return navigation.itemsFor(user, path);
            }
        };
    }

    @ModelAttribute("currentPath")
    String currentPath(HttpServletRequest request) {
        Object errorUri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
        return errorUri != null ? errorUri.toString() : request.getRequestURI();
    }
}
