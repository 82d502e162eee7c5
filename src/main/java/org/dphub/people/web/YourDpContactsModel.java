package org.dphub.people.web;

import java.util.List;
import org.dphub.people.DpContacts;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.shared.database.Reads;
import org.dphub.web.CurrentUser;
import org.dphub.web.LayoutReads;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.thymeleaf.context.LazyContextVariable;

/**
 * "Your direct payments contact" (issue 18) inside "Contact your council" on every page a citizen
 * or representative reads (home, Your plan, Your money...): each named contact of the people they
 * are or act for. The fragment {@code fragments/components/contact-council} reads it, beside
 * {@code councils.web.YourCouncilModel}; it is read from the database only when a page shows it.
 */
@ControllerAdvice(annotations = Controller.class)
class YourDpContactsModel implements LayoutReads {

    private final DpContacts contacts;

    YourDpContactsModel(DpContacts contacts) {
        this.contacts = contacts;
    }

    @Override
    public void readAhead(SignedInUser user, Reads.Together reads) {
        if (user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE)) {
            contacts.readAhead(user, reads);
        }
    }

    @ModelAttribute("yourDpContacts")
    Object yourDpContacts() {
        SignedInUser user = CurrentUser.orNull();
        if (user == null || !(user.has(Role.CITIZEN) || user.has(Role.REPRESENTATIVE))) {
            return List.of();
        }
        return new LazyContextVariable<List<DpContacts.PersonsContact>>() {
            @Override
            protected List<DpContacts.PersonsContact> loadValue() {
                return contacts.forPeopleOf(user);
            }
        };
    }
}
