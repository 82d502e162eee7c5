package org.dphub.employment;

/**
 * Something asked of the payroll calculation that it cannot work with: names the input at fault
 * and says in plain words what would be right.
 */
public class PayrollInputException extends IllegalArgumentException {

    private final String field;

    public PayrollInputException(String field, String message) {
        super(message);
        this.field = field;
    }

    /** The input at fault, as the API names it: "taxCode", "period", "taxYear". */
    public String field() {
        return field;
    }
}
