package org.dphub.payments;

import java.util.regex.Pattern;
import org.dphub.web.FormErrors;

/**
 * Where money is paid: a UK account (name, sort code, account number) and an optional reference
 * the bank shows the payee (a prepaid card's number at the card provider, a roll number).
 */
public record BankDetails(String accountName, String sortCode, String accountNumber, String reference) {

    private static final Pattern NAME = Pattern.compile("[\\p{L}0-9 .,'&/()-]{1,70}");
    private static final Pattern REFERENCE = Pattern.compile("[A-Za-z0-9 ./&-]{1,18}");

    /** "12-34-56" for people; the file carries the six digits. */
    public String sortCodeForPeople() {
        return sortCode.substring(0, 2) + "-" + sortCode.substring(2, 4) + "-" + sortCode.substring(4);
    }

    /** The last four digits only, for pages that do not need the whole number. */
    public String accountNumberEnding() {
        return accountNumber.substring(4);
    }

    /**
     * Reads details as typed: spaces and dashes in the sort code and account number are fine.
     * Returns null, with an error for each field to fix, when they are not acceptable.
     */
    public static BankDetails read(FormErrors errors, String accountName, String sortCode, String accountNumber,
                                   String reference) {
        String name = errors.text("accountName", accountName, 70, true, "bank.label.accountName");
        if (name != null && !NAME.matcher(name).matches()) {
            errors.reject("accountName", "bank.error.accountName");
            name = null;
        }
        String sort = digits(sortCode);
        if (sort.isEmpty()) {
            errors.reject("sortCode", "bank.error.sortCode.empty");
        } else if (!sort.matches("[0-9]{6}")) {
            errors.reject("sortCode", "bank.error.sortCode");
        }
        String number = digits(accountNumber);
        if (number.isEmpty()) {
            errors.reject("accountNumber", "bank.error.accountNumber.empty");
        } else if (!number.matches("[0-9]{6,8}")) {
            errors.reject("accountNumber", "bank.error.accountNumber");
        } else if (number.length() < 8) {
            number = "0".repeat(8 - number.length()) + number; // UK banks pad shorter numbers with zeros
        }
        String ref = reference == null ? "" : reference.strip();
        if (!ref.isEmpty() && !REFERENCE.matcher(ref).matches()) {
            errors.reject("reference", "bank.error.reference");
        }
        if (!errors.isEmpty()) {
            return null;
        }
        return new BankDetails(name, sort, number, ref.isEmpty() ? null : ref);
    }

    private static String digits(String typed) {
        return typed == null ? "" : typed.replaceAll("[\\s-]", "");
    }
}
