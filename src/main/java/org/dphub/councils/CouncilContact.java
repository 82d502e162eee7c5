package org.dphub.councils;

/**
 * How people reach the council's direct payments team: shown wherever a page says "contact your
 * council", and on each person's home page until they have a named contact. Either may be absent
 * (null) until an administrator records it.
 */
public record CouncilContact(String phone, String email) {

    public static final CouncilContact NONE = new CouncilContact(null, null);

    public CouncilContact {
        phone = phone == null || phone.isBlank() ? null : phone.strip();
        email = email == null || email.isBlank() ? null : email.strip();
    }

    public boolean isEmpty() {
        return phone == null && email == null;
    }

    /** The phone number as a {@code tel:} link target: digits and a leading plus only. */
    public String phoneHref() {
        return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
    }
}
