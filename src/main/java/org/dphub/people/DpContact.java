package org.dphub.people;

/**
 * A person's named direct payments contact (issue 18), as the person reads it: the DP team member's
 * name and how to reach them — their own work phone and email, or the council's DP team phone and
 * email where they have none recorded (either may still be null if the council recorded none).
 */
public record DpContact(long userId, String name, String email, String phone) {

    /** The phone number as a {@code tel:} link target: digits and a leading plus only. */
    public String phoneHref() {
        return phone == null ? null : "tel:" + phone.replaceAll("[^0-9+]", "");
    }
}
