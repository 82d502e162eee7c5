package org.dphub.people;

/** How a person likes to be contacted. */
public enum ContactPreference {
    EMAIL, PHONE, TEXT, LETTER
}
