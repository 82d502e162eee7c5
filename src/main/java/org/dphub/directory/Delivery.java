package org.dphub.directory;

/** Where a service happens: at a place (its postcode), at the person's home within a distance, or online. */
public enum Delivery {
    AT_A_PLACE, COMES_TO_YOU, ONLINE
}
