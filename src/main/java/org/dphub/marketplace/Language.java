package org.dphub.marketplace;

/** Languages a PA speaks or signs. Shown through messages {@code language.<NAME>}. */
public enum Language {
    ENGLISH, WELSH, BRITISH_SIGN_LANGUAGE, POLISH, URDU, PUNJABI, BENGALI, ARABIC, ROMANIAN, GUJARATI
}
