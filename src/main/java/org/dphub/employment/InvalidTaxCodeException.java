package org.dphub.employment;

/** A tax code HMRC does not issue, or not in the region and year asked about. */
public class InvalidTaxCodeException extends PayrollInputException {

    public InvalidTaxCodeException(String message) {
        super("taxCode", message);
    }
}
