package org.dphub.peersupport.web;

import java.util.ArrayList;
import java.util.List;
import org.dphub.peersupport.PersonalDataCheck;
import org.dphub.peersupport.PostInput;

/** A question or answer form as posted; {@code confirmPersonalData} is "yes" when the box is ticked. */
record PostForm(String title, String text, String displayName, String confirmPersonalData) {

    static PostForm empty(String displayName) {
        return new PostForm("", "", displayName == null ? "" : displayName, null);
    }

    PostInput input() {
        return new PostInput(title, text, displayName, "yes".equals(confirmPersonalData));
    }

    /** What the personal data check finds in the title and text, for the warning above the form. */
    List<PersonalDataCheck.Finding> findings() {
        List<PersonalDataCheck.Finding> found = new ArrayList<>(PersonalDataCheck.find(title));
        found.addAll(PersonalDataCheck.find(text));
        return found;
    }
}
