package org.dphub.marketplace;

/** What a PA (or the person they support) enjoys. Shown through messages {@code interest.<NAME>}. */
public enum Interest {
    FOOTBALL, RUGBY, MUSIC, GAMING, ART, CRAFTS, FAITH_GROUPS, WALKING, GARDENING, COOKING, READING,
    CINEMA, SWIMMING, GYM, ANIMALS, FISHING, THEATRE, TECHNOLOGY, HISTORY, DANCING
}
