package org.dphub.web;

import java.math.BigDecimal;

/**
 * Reads loosely typed JSON values (a number, or a string holding one) so that a wrong value is
 * a field error in a 422 answer, not an unreadable request.
 */
public final class JsonInput {

    private JsonInput() {
    }

    /** Whole pence: 1328 or "1328". Null stays null; anything else is an error on the field. */
    public static Long pence(Object value, String field, FormErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            BigDecimal number = value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip());
            return number.longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            errors.reject(field, "api.error.pence");
            return null;
        }
    }

    /** A decimal number such as hours (7.5 or "7.5"), as text for the page-and-API readers. */
    public static String decimal(Object value, String field, FormErrors errors) {
        if (value == null) {
            return null;
        }
        try {
            return (value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().strip())).toPlainString();
        } catch (NumberFormatException e) {
            errors.reject(field, "api.error.number");
            return null;
        }
    }

    public static String text(Object value) {
        return value == null ? null : value.toString();
    }
}
