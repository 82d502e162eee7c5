package org.dphub.plans.web;

import java.util.List;
import org.springframework.util.MultiValueMap;

/** What the "request a direct payment" form sends, as typed. */
record DirectPaymentForm(String planId, String requestedOnDay, String requestedOnMonth, String requestedOnYear,
                         String startDateDay, String startDateMonth, String startDateYear, String hasCapacity,
                         String representativeId, String excludedPerson, List<String> paysHouseholdMemberIds,
                         String necessityReason, String accountType) {

    static final String NO_REPRESENTATIVE = "none";

    static DirectPaymentForm empty() {
        return new DirectPaymentForm("", "", "", "", "", "", "", "", "", "", List.of(), "", "");
    }

    static DirectPaymentForm from(MultiValueMap<String, String> p) {
        List<String> payees = p.getOrDefault("paysHouseholdMemberIds", List.of());
        return new DirectPaymentForm(value(p, "planId"), value(p, "requestedOn-day"), value(p, "requestedOn-month"),
                value(p, "requestedOn-year"), value(p, "startDate-day"), value(p, "startDate-month"), value(p, "startDate-year"),
                value(p, "hasCapacity"), value(p, "representativeId"), value(p, "excludedPerson"),
                payees.stream().limit(100).toList(), value(p, "necessityReason"), value(p, "accountType"));
    }

    private static String value(MultiValueMap<String, String> params, String name) {
        String value = params.getFirst(name);
        return value == null ? "" : value;
    }
}
