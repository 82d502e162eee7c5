package org.dphub.councils.web;

import java.util.Locale;
import org.dphub.councils.Council;
import org.dphub.councils.CouncilContact;
import org.dphub.councils.Councils;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.CurrentUser;
import org.dphub.web.LayoutReads;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * "Contact your council" on any page: the signed-in person's council, by its name in the reader's
 * language, and how to reach its direct payments team (a named contact, once people have one).
 * The fragment {@code fragments/components/contact-council} reads it, so {@code web} never needs
 * {@code councils}. It is read from the database only when a page shows it.
 */
@ControllerAdvice(annotations = Controller.class)
class YourCouncilModel implements LayoutReads {

    /** The council as a page shows it. */
    record YourCouncil(String name, String phone, String phoneHref, String email) {

        public boolean hasContact() {
            return phone != null || email != null;
        }
    }

    private final Councils councils;

    YourCouncilModel(Councils councils) {
        this.councils = councils;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (user.councilId() != null) {
            councils.readAhead(user.councilId(), reads);
        }
    }

    @ModelAttribute("yourCouncil")
    Object yourCouncil(Locale locale) {
        SignedInUser user = CurrentUser.orNull();
        if (user == null || user.councilId() == null) {
            return null;
        }
        long councilId = user.councilId();
        return new LazyContextVariable<YourCouncil>() {
            @Override
            protected YourCouncil loadValue() {
                Council council = councils.findById(councilId).orElse(null);
                if (council == null) {
                    return null;
                }
                CouncilContact contact = councils.settings(councilId).settings().contact();
                return new YourCouncil(council.name(locale), contact.phone(), contact.phoneHref(), contact.email());
            }
        };
    }
}
