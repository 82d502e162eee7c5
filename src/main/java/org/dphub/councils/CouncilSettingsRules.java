package org.dphub.councils;

import java.util.Map;
import org.dphub.shared.Money;
import org.dphub.web.FormErrors;

/** The limits on each council setting, checked the same way for pages and the API. */
public final class CouncilSettingsRules {

    public static final Money MAX_LIMIT = Money.ofPounds(100_000);
    public static final Money MAX_HOURLY_RATE = Money.ofPounds(1_000);

    private record MoneyRange(Money min, Money max) {
    }

    private record WholeRange(int min, int max) {
    }

    private static final Map<String, MoneyRange> MONEY = Map.of(
            "selfApprovalLimit", new MoneyRange(Money.ZERO, MAX_LIMIT),
            "receiptsThreshold", new MoneyRange(Money.ZERO, MAX_LIMIT),
            "paHourlyRate", new MoneyRange(Money.ofPence(1), MAX_HOURLY_RATE),
            "agencyHourlyRate", new MoneyRange(Money.ofPence(1), MAX_HOURLY_RATE),
            "oneOffMaximum", new MoneyRange(Money.ofPounds(1), MAX_LIMIT));

    /** A UK or international phone number as people write it: digits, spaces, brackets, dashes, a leading plus. */
    private static final java.util.regex.Pattern PHONE = java.util.regex.Pattern.compile("^\\+?[0-9][0-9 ()-]{5,38}$");
    private static final java.util.regex.Pattern EMAIL = java.util.regex.Pattern.compile("^[^@\\s<>\"]+@[^@\\s<>\"]+\\.[^@\\s<>\"]+$");

    /**
     * The council's code in the Client Level Data return (LA_Code): the CASSR code the NHS
     * Organisation Data Service keeps, three digits (Lincolnshire: 503), or five characters -
     * letter, digit, letter, digit, letter - for councils coded since 2021 (CLD guidance, release 1;
     * ADASS/Socitm ASC glossary). Not the ONS 9-character GSS code. docs/INSIGHTS.md says what is confirmed.
     */
    public static final java.util.regex.Pattern CLD_LA_CODE = java.util.regex.Pattern.compile("^([0-9]{3}|[A-Z][0-9][A-Z][0-9][A-Z])$");

    private static final Map<String, WholeRange> WHOLE = Map.of(
            "surplusWeeks", new WholeRange(1, 52),
            // regulation 7: never later than 6 months for the first review, 12 months between reviews
            "firstReviewMonths", new WholeRange(1, CouncilSettings.MAX_FIRST_REVIEW_MONTHS),
            "reviewIntervalMonths", new WholeRange(1, CouncilSettings.MAX_REVIEW_INTERVAL_MONTHS),
            "targetDaysToMoney", new WholeRange(1, 365),
            "helpReplyTargetWorkingDays", new WholeRange(1, 20),
            "transitionNoticeDays", new WholeRange(1, Councils.MAX_TRANSITION_NOTICE_DAYS));

    private CouncilSettingsRules() {
    }

    public static void check(CouncilSettings s, FormErrors errors) {
        check("selfApprovalLimit", s.selfApprovalLimit(), errors);
        check("receiptsThreshold", s.receiptsThreshold(), errors);
        check("surplusWeeks", s.surplusWeeks(), errors);
        check("paHourlyRate", s.paHourlyRate(), errors);
        check("agencyHourlyRate", s.agencyHourlyRate(), errors);
        check("firstReviewMonths", s.firstReviewMonths(), errors);
        check("reviewIntervalMonths", s.reviewIntervalMonths(), errors);
        check("targetDaysToMoney", s.targetDaysToMoney(), errors);
        check("oneOffMaximum", s.oneOffMaximum(), errors);
        check("helpReplyTargetWorkingDays", s.helpReplyTargetWorkingDays(), errors);
        checkLimitWithinMaximum(s.selfApprovalLimit(), s.oneOffMaximum(), errors);
        checkContact(s.contact(), errors);
        checkCldLaCode(s.cldLaCode(), errors);
    }

    /** The Client Level Data code, optional: when given it must have the CASSR code's shape. */
    public static void checkCldLaCode(String code, FormErrors errors) {
        if (code != null && !CLD_LA_CODE.matcher(code).matches()) {
            errors.reject("cldLaCode", "settings.error.cldLaCode");
        }
    }

    /** A practitioner cannot be allowed to approve more than anyone may ask for. */
    public static void checkLimitWithinMaximum(Money selfApprovalLimit, Money oneOffMaximum, FormErrors errors) {
        if (selfApprovalLimit != null && oneOffMaximum != null && selfApprovalLimit.isGreaterThan(oneOffMaximum)) {
            errors.reject("selfApprovalLimit", "settings.error.selfApprovalLimit.above-maximum", oneOffMaximum.formatWithPence());
        }
    }

    /** The DP team's phone and email, both optional, each checked so people can use it. */
    public static void checkContact(CouncilContact contact, FormErrors errors) {
        if (contact.phone() != null && (!PHONE.matcher(contact.phone()).matches()
                || contact.phone().replaceAll("[^0-9]", "").length() < 6)) {
            errors.reject("contactPhone", "settings.error.contactPhone");
        }
        if (contact.email() != null && (contact.email().length() > 254 || !EMAIL.matcher(contact.email()).matches())) {
            errors.reject("contactEmail", "settings.error.contactEmail");
        }
    }

    /** Checks one amount, so a form can report every problem at once. */
    public static void check(String field, Money value, FormErrors errors) {
        MoneyRange range = MONEY.get(field);
        if (value.isLessThan(range.min()) || value.isGreaterThan(range.max())) {
            errors.reject(field, "settings.error." + field + ".range", range.min().format(), range.max().format());
        }
    }

    /** Checks one whole number, so a form can report every problem at once. */
    public static void check(String field, int value, FormErrors errors) {
        WholeRange range = WHOLE.get(field);
        if (value < range.min() || value > range.max()) {
            errors.reject(field, "settings.error." + field + ".range", range.min(), range.max());
        }
    }
    private static final java.util.regex.Pattern GROUP_CLAIM = java.util.regex.Pattern.compile("^[A-Za-z0-9_:./-]{1,100}$");

    /**
     * A council's single sign-on (issue 17): an issuer that is an https address (http only on
     * this machine, for a developer's or a test's provider, and only where {@code localIssuers}),
     * a client id, the environment variable with the secret, a claim name, and at least one group
     * mapped to a staff role.
     *
     * <p>The secret's variable must be the council's own, {@code DPHUB_OIDC_SECRET_<CODE>}: dphub sends
     * the variable's value to the issuer the administrator names, so a freely named variable would let
     * one council's administrator send another council's secret, or the server's own (the database
     * password), to a provider of their choosing.
     */
    public static void checkSingleSignOn(SingleSignOn s, String councilCode, boolean localIssuers, FormErrors errors) {
        checkIssuer(s.issuer(), localIssuers, errors);
        if (s.clientId() == null || s.clientId().isBlank()) {
            errors.reject("clientId", "sso.error.clientId.missing");
        } else if (s.clientId().length() > 200 || !s.clientId().strip().equals(s.clientId()) || s.clientId().chars().anyMatch(Character::isISOControl)) {
            errors.reject("clientId", "sso.error.clientId");
        }
        String ownVariable = SingleSignOn.defaultSecretVariable(councilCode);
        if (!ownVariable.equals(s.clientSecretVariable())) {
            errors.reject("clientSecretVariable", "sso.error.clientSecretVariable", ownVariable);
        }
        if (!GROUP_CLAIM.matcher(s.groupClaim()).matches()) {
            errors.reject("groupClaim", "sso.error.groupClaim");
        }
        if (s.groupRoles().isEmpty()) {
            errors.reject("groupRoles", "sso.error.groupRoles.empty");
        }
        for (SingleSignOn.GroupRole mapping : s.groupRoles()) {
            if (mapping.role() == null || !mapping.role().isStaff()) {
                errors.reject("groupRoles", "sso.error.groupRoles.role");
            } else if (mapping.group() == null || mapping.group().isBlank() || mapping.group().length() > 200
                    || !mapping.group().strip().equals(mapping.group()) || mapping.group().chars().anyMatch(Character::isISOControl)) {
                errors.reject("groupRoles", "sso.error.group");
            }
        }
    }

    /**
     * Staff may be held to their council account (passwords off for all but administrators) only
     * when the provider can be used: set up here, and its client secret on this server. Otherwise
     * nobody but the administrators could sign in at all.
     */
    public static void checkStaffPasswords(SingleSignOn s, boolean secretPresent, FormErrors errors) {
        if (s.staffMustUseCouncilAccount() && (!secretPresent || s.issuer() == null || s.issuer().isBlank())) {
            errors.reject("staffMustUseCouncilAccount", "sso.error.staffMustUseCouncilAccount.no-provider");
        }
    }

    /** Whether an issuer is on this machine (http://localhost, http://127.0.0.1). */
    public static boolean isLocal(String issuer) {
        try {
            java.net.URI uri = new java.net.URI(issuer);
            return "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        } catch (java.net.URISyntaxException | NullPointerException e) {
            return false;
        }
    }

    /** https with a host and no query or fragment; http only for localhost, and localhost only where allowed. */
    public static void checkIssuer(String issuer, boolean localIssuers, FormErrors errors) {
        if (issuer == null || issuer.isBlank()) {
            errors.reject("issuer", "sso.error.issuer.missing");
            return;
        }
        java.net.URI uri;
        try {
            uri = new java.net.URI(issuer);
        } catch (java.net.URISyntaxException e) {
            errors.reject("issuer", "sso.error.issuer");
            return;
        }
        boolean local = "localhost".equals(uri.getHost()) || "127.0.0.1".equals(uri.getHost());
        if (issuer.length() > 500 || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null
                || uri.getRawUserInfo() != null || !("https".equals(uri.getScheme()) || ("http".equals(uri.getScheme()) && local))) {
            errors.reject("issuer", "sso.error.issuer");
        } else if (local && !localIssuers) {
            errors.reject("issuer", "sso.error.issuer.local");
        }
    }
}
