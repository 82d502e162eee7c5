package org.dphub.shared;

/** A well-formed postcode whose sector is not in the ONS sector list. */
public class UnknownPostcodeSectorException extends IllegalArgumentException {

    public static final String MESSAGE_KEY = "postcode.error.unknown-sector";

    private final Postcode postcode;

    public UnknownPostcodeSectorException(Postcode postcode) {
        super("We cannot find the area of postcode " + postcode + ". Check it and try again.");
        this.postcode = postcode;
    }

    public Postcode postcode() {
        return postcode;
    }

    public String messageKey() {
        return MESSAGE_KEY;
    }
}
