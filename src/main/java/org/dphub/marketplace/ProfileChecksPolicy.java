package org.dphub.marketplace;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A profile goes live only when the DP team has checked the PA's identity and references and
 * recorded a DBS check (not in the future), and the PA has accepted the code of conduct
 * (Flintshire's PA workforce offer). Returns what is missing, in words an API caller can act on.
 */
public final class ProfileChecksPolicy {

    public enum Missing { IDENTITY, REFERENCES, DBS_CHECK, DBS_CHECK_IN_FUTURE, CODE_OF_CONDUCT }

    private ProfileChecksPolicy() {
    }

    public static List<Missing> missing(boolean identityChecked, boolean referencesChecked, LocalDate dbsCheckedOn,
                                        boolean codeOfConductAccepted, LocalDate today) {
        List<Missing> missing = new ArrayList<>();
        if (!identityChecked) {
            missing.add(Missing.IDENTITY);
        }
        if (!referencesChecked) {
            missing.add(Missing.REFERENCES);
        }
        if (dbsCheckedOn == null) {
            missing.add(Missing.DBS_CHECK);
        } else if (dbsCheckedOn.isAfter(today)) {
            missing.add(Missing.DBS_CHECK_IN_FUTURE);
        }
        if (!codeOfConductAccepted) {
            missing.add(Missing.CODE_OF_CONDUCT);
        }
        return missing;
    }
}
