package org.dphub.shared;

/** Text that is not shaped like a UK postcode. */
public class InvalidPostcodeException extends IllegalArgumentException {

    public static final String MESSAGE_KEY = "postcode.error.invalid";

    public InvalidPostcodeException(String input) {
        super("Enter a real postcode, like CH7 1XY");
    }

    public String messageKey() {
        return MESSAGE_KEY;
    }
}
