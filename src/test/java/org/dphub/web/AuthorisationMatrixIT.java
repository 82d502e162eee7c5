package org.dphub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.dphub.support.Http;
import org.dphub.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every operation of the JSON API, asked by everyone: nobody signed in, each role of the demo
 * council {@code demo-england}, and the same roles of {@code demo-wales} with demo-england's ids.
 * What each must get is one table, {@link #MATRIX}: one row per operation in {@code /v3/api-docs}.
 * An operation in the API without a row (or a row without an operation) fails the build.
 *
 * <p>A row reads {@code "METHOD /path/{var} | who may | flags"}:
 * <ul>
 * <li><b>who may</b>: the demo-england roles that get past every check with the row's ids (any
 *     answer but 401, 403, 404, 405 or 5xx: a 400, 409 or 422 to an empty body means the caller
 *     was let in and the body refused). Every other role must get 403 or 404 — or, for a write, a
 *     400/422 to the empty body, as many writes check the body before the caller: nothing is written
 *     or told, and never a 2xx or 409. Codes: C citizen,
 *     R representative, PA personal assistant, PV provider, P practitioner, BH budget holder,
 *     DP direct payments team, F finance, A council administrator, N national analyst; STAFF is
 *     P BH DP F A; SIGNED is every role but N; PUBLIC means nobody signed in may call it too.</li>
 * <li><b>flags</b>: T the ids belong to demo-england, so demo-wales callers of the allowed roles get
 *     404 (staff 404; citizens, PAs and providers 403 or 404; a write 400/422 to the empty body),
 *     never 2xx; M the call would
 *     change demo data even with an empty body, so only refusals are asked (other ITs share the
 *     data); S a write that only works something out (a 2xx changes nothing).</li>
 * </ul>
 *
 * <p>Ids: each path variable is filled with a real id of the right kind from demo-england, found by
 * SQL in {@link #IDS} (keyed by the path up to the variable). Where the demo citizen
 * {@code citizen@demo-england} has a record of that kind, it is theirs, so "C" means the citizen
 * asking about their own records and the demo representative (who acts for other people) is the
 * citizen asking about someone else's.
 *
 * <p>The anonymous calls go over real HTTP. The signed-in calls go through MockMvc with the stored
 * user's own principal (as sign-in gives it) through the same security filter chain: HTTP Basic
 * would cost a password hash per call, several thousand of them.
 */
@IntegrationTest
class AuthorisationMatrixIT {

    enum R {
        C("citizen"), R("representative"), PA("pa"), PV("provider"), P("practitioner"), BH("budget-holder"),
        DP("dp-team"), F("finance"), A("admin"), N(null);

        final String user;

        R(String user) {
            this.user = user;
        }

        boolean staff() {
            return EnumSet.of(P, BH, DP, F, A).contains(this);
        }

        String england() {
            return this == N ? "analyst@dphub" : user + "@demo-england";
        }

        String wales() {
            return user + "@demo-wales";
        }
    }

    /** The table: every operation under /api/v1, who may call it, and how. */
    static final List<String> MATRIX = List.of(
            // identity
            "GET /api/v1/me | SIGNED N |",
            // a user's own API keys (issue 17): another user's key is 404, so a made-up id is refused to everyone
            "GET /api/v1/api-keys | SIGNED N |",
            "POST /api/v1/api-keys | SIGNED N |",
            "GET /api/v1/api-keys/{id} | SIGNED N |",
            "DELETE /api/v1/api-keys/{id} | SIGNED N |",
            // people
            "POST /api/v1/citizens | P |",
            "GET /api/v1/citizens | STAFF |",
            "GET /api/v1/citizens/{id} | C STAFF | T",
            "PUT /api/v1/citizens/{id} | P | T",
            "PUT /api/v1/citizens/{id}/dp-contact | DP A | T",
            "GET /api/v1/citizens/{id}/dp-contact/history | STAFF | T",
            "POST /api/v1/citizens/{id}/household-members | P | T",
            "GET /api/v1/citizens/{id}/household-members | C STAFF | T",
            "PUT /api/v1/citizens/{id}/household-members/{memberId} | P | T",
            "POST /api/v1/citizens/{id}/household-members/{memberId}/remove | P | TM",
            "POST /api/v1/citizens/{id}/representatives | P | T",
            "GET /api/v1/citizens/{id}/representatives | C STAFF | T",
            "PUT /api/v1/citizens/{id}/representatives/{representativeId} | P | T",
            "POST /api/v1/citizens/{id}/representatives/{representativeId}/end | P | TM",
            "POST /api/v1/citizens/{id}/representatives/{representativeId}/erasure | DP A | TM",
            // plans
            "POST /api/v1/citizens/{citizenId}/direct-payments | P | T",
            "GET /api/v1/citizens/{citizenId}/direct-payments | C STAFF | T",
            "GET /api/v1/direct-payments/{id} | C STAFF | T",
            "POST /api/v1/direct-payments/{id}/agreement | C | T M",
            "POST /api/v1/direct-payments/{id}/status-changes | P | T",
            "POST /api/v1/direct-payments/{id}/reviews | P | T",
            "GET /api/v1/direct-payments/in-progress | STAFF |",
            "GET /api/v1/direct-payments/reviews-due | STAFF |",
            "GET /api/v1/direct-payments/moving-to-adult-support | STAFF |",
            "POST /api/v1/direct-payments/{id}/adult-continuation | P | T",
            "PUT /api/v1/direct-payments/{id}/managed-account-provider | P DP | T",
            "GET /api/v1/direct-payments/{id}/managed-account-provider |  | T",
            "GET /api/v1/council/settings/transition-notice-days | STAFF |",
            "PUT /api/v1/council/settings/transition-notice-days | A |",
            "POST /api/v1/citizens/{citizenId}/plans | P | T",
            "GET /api/v1/citizens/{citizenId}/plans | C STAFF | T",
            "POST /api/v1/plans/{planId}/versions | P | T",
            "GET /api/v1/plans/{planId} | C STAFF | T",
            // monitoring
            "POST /api/v1/monitoring/returns | F | M",
            "GET /api/v1/citizens/{id}/returns | C STAFF | T",
            "POST /api/v1/returns/{id}/confirmation | C | T M",
            "POST /api/v1/returns/{id}/receipt-request | DP F | T M",
            "POST /api/v1/returns/{id}/receipts | C | T",
            "GET /api/v1/returns/{id}/receipts | C STAFF | T",
            "GET /api/v1/receipts/{id} | C STAFF | T",
            "POST /api/v1/returns/{id}/more-time | C STAFF | T",
            "POST /api/v1/accounts/{id}/questions | STAFF | T",
            "GET /api/v1/accounts/{id}/questions | C STAFF | T",
            "POST /api/v1/questions/{id}/answer | C | T",
            "GET /api/v1/monitoring/checks | DP F |",
            "POST /api/v1/monitoring/checks | DP F |",
            "POST /api/v1/accounts/{id}/concerns | STAFF | T",
            "GET /api/v1/monitoring/effort | DP F |",
            "POST /api/v1/accounts/{id}/transaction-imports | F | T",
            "POST /api/v1/transaction-imports | F |",
            "PUT /api/v1/csv-mappings/{name} | F |",
            "GET /api/v1/accounts/{id}/transactions | C STAFF | T",
            "POST /api/v1/transactions/{id}/tags | C STAFF | T M",
            // marketplace
            "POST /api/v1/pa-registrations | PUBLIC SIGNED |",
            "GET /api/v1/introductions/{id} | C PA P | T",
            "POST /api/v1/introductions/{id}/acceptance | C PA P | T M",
            "POST /api/v1/introductions/{id}/decline | C PA P | T M",
            "POST /api/v1/introductions/{id}/block | C PA P | T M",
            "GET /api/v1/introductions/{id}/messages | C PA P | T",
            "POST /api/v1/introductions/{id}/messages | C PA | T",
            "POST /api/v1/introductions/{id}/hire | C | T",
            "POST /api/v1/pa-profiles | PA |",
            "PUT /api/v1/pa-profiles/{id} | PA |",
            "GET /api/v1/pa-profiles/{id} | SIGNED |",
            "POST /api/v1/pa-profiles/{id}/checks | DP |",
            "POST /api/v1/pa-profiles/{id}/suspension | DP |",
            "DELETE /api/v1/pa-profiles/{id}/suspension | DP | M",
            "POST /api/v1/pa-profiles/{id}/reports | SIGNED |",
            "GET /api/v1/pa-profiles/{id}/matches | PA |",
            "POST /api/v1/pa-profiles/{id}/interests | PA |",
            "GET /api/v1/pa-profiles/{id}/cover | SIGNED |",
            "PUT /api/v1/pa-profiles/{id}/cover | PA | M",
            "POST /api/v1/vacancies | C R P |",
            "GET /api/v1/vacancies | SIGNED |",
            "GET /api/v1/vacancies/{id} | C P | T",
            "GET /api/v1/vacancies/{id}/matches | C P | T",
            "POST /api/v1/vacancies/{id}/invitations | C STAFF | T",
            "POST /api/v1/vacancies/{id}/closure | C P | T M",
            "POST /api/v1/vacancies/{id}/suspension | DP | T",
            "POST /api/v1/vacancies/{id}/reports | SIGNED | T",
            "GET /api/v1/marketplace/pay-rates | STAFF |",
            "GET /api/v1/marketplace/match-weights | STAFF |",
            "PUT /api/v1/marketplace/match-weights | A |",
            "GET /api/v1/marketplace/reports | DP |",
            // letters
            "POST /api/v1/citizens/{id}/letters | STAFF | T",
            "GET /api/v1/citizens/{id}/letters | C STAFF | T",
            "GET /api/v1/letters/{id} | C STAFF | T",
            "GET /api/v1/letters/{id}/pdf | C STAFF | T",
            "PUT /api/v1/letter-templates/{kind}/{language} | DP A |",
            // feedback
            "GET /api/v1/feedback/rounds | STAFF |",
            "POST /api/v1/feedback/rounds | DP A |",
            "GET /api/v1/feedback/rounds/{id} | SIGNED | T",
            "POST /api/v1/feedback/rounds/{id}/answers | SIGNED | T",
            "GET /api/v1/feedback/rounds/{id}/results | STAFF | T",
            // employment
            "POST /api/v1/citizens/{id}/payroll-runs | C | T",
            "GET /api/v1/citizens/{id}/payroll-runs | C P DP | T",
            "GET /api/v1/payroll-runs/{id} | C P DP | T",
            "POST /api/v1/payroll-runs/{id}/approval | C P DP | T M",
            "GET /api/v1/payroll-runs/{id}/pdf | C P DP | T",
            "GET /api/v1/payslips/{id} | C PA P DP | T",
            "GET /api/v1/payslips/{id}/pdf | C PA P DP | T",
            "GET /api/v1/my-payslips | SIGNED |",
            "POST /api/v1/citizens/{id}/budget-check | C STAFF | T S",
            "POST /api/v1/citizens/{id}/employments | C P DP | T",
            "GET /api/v1/citizens/{id}/employments | C STAFF | T",
            "GET /api/v1/employments/{id} | C PA STAFF | T",
            "POST /api/v1/employments/{id}/terms | C P DP | T",
            "POST /api/v1/employments/{id}/end | C P DP | T M",
            "GET /api/v1/my-employments | SIGNED |",
            "POST /api/v1/employments/{id}/timesheets | PA | T",
            "GET /api/v1/employments/{id}/timesheets | C PA STAFF | T",
            "POST /api/v1/timesheets/{id}/approval | C P DP | T M",
            "POST /api/v1/timesheets/{id}/query | C | T",
            "POST /api/v1/payroll/calculations | C R STAFF | S",
            // peer support
            "GET /api/v1/peer-support/boards/{board}/questions | C R DP |",
            "POST /api/v1/peer-support/boards/{board}/questions | C R |",
            "GET /api/v1/peer-support/questions/{id} | C R DP |",
            "POST /api/v1/peer-support/questions/{id}/answers | C R |",
            "POST /api/v1/peer-support/posts/{id}/helpful | C R | M",
            "POST /api/v1/peer-support/posts/{id}/reports | C R |",
            "GET /api/v1/peer-support/moderation | DP |",
            "POST /api/v1/peer-support/posts/{id}/moderation | DP |",
            // approvals
            "POST /api/v1/one-off-payments | P |",
            "GET /api/v1/one-off-payments | STAFF |",
            "GET /api/v1/one-off-payments/{id} | C STAFF | T",
            "POST /api/v1/one-off-payments/{id}/decision | BH | T",
            // councils
            "GET /api/v1/council/settings | STAFF |",
            "PUT /api/v1/council/settings | A |",
            // issue 17: the council's single sign-on for staff
            "GET /api/v1/council/single-sign-on | A |",
            "PUT /api/v1/council/single-sign-on | A |",
            "DELETE /api/v1/council/single-sign-on | A |",
            // issue 17: staff accounts: adding someone who joins, changing roles, switching off a leaver's
            "GET /api/v1/council/staff | A |",
            "POST /api/v1/council/staff | A |",
            "PUT /api/v1/council/staff/{id}/roles | A | T",
            "PUT /api/v1/council/staff/{id} | A | T",
            "POST /api/v1/council/staff/{id}/switch-off | A | TM",
            "POST /api/v1/council/staff/{id}/switch-on | A | TM",
            // directory
            "GET /api/v1/directory/search | PUBLIC SIGNED N |",
            "POST /api/v1/provider-registrations | PUBLIC SIGNED |",
            "GET /api/v1/directory/organization | PV |",
            "PUT /api/v1/directory/organization | PV |",
            "GET /api/v1/directory/checks | DP |",
            "GET /api/v1/directory/taxonomy-terms | SIGNED |",
            "POST /api/v1/directory/taxonomy-terms | DP A |",
            "POST /api/v1/directory/services | PV |",
            "GET /api/v1/directory/services | PV |",
            "GET /api/v1/directory/services/{id} | SIGNED |",
            "PUT /api/v1/directory/services/{id} | PV |",
            "POST /api/v1/directory/services/{id}/withdrawal | PV | M",
            "POST /api/v1/directory/services/{id}/checks | DP | T",
            "POST /api/v1/directory/services/{id}/suspension | DP | T",
            "DELETE /api/v1/directory/services/{id}/suspension | DP | T M",
            "POST /api/v1/directory/services/{id}/reports | SIGNED |",
            "POST /api/v1/directory/imports | DP |",
            "POST /api/v1/regular-payments | C R |",
            "GET /api/v1/regular-payments | PV |",
            "GET /api/v1/regular-payments/{id} | C STAFF PV | T",
            "POST /api/v1/regular-payments/{id}/stop | C STAFF PV | T M",
            "POST /api/v1/group-purchases | C R STAFF |",
            "GET /api/v1/group-purchases/{id} | C R STAFF | T",
            "POST /api/v1/group-purchases/{id}/members | C STAFF | T",
            "POST /api/v1/group-purchases/{id}/members/{memberId}/consent | C | T M",
            "DELETE /api/v1/group-purchases/{id}/members/{memberId} | C STAFF | T M",
            "POST /api/v1/group-purchases/{id}/confirmation | C STAFF | T M",
            "POST /api/v1/group-purchases/{id}/cancellation | C STAFF | T M",
            "POST /api/v1/payment-requests | PV |",
            "GET /api/v1/payment-requests | PV |",
            "GET /api/v1/payment-requests/{id} | C PV STAFF | T",
            "GET /api/v1/payment-requests/{id}/affordability | C STAFF | T",
            "PUT /api/v1/payment-requests/{id} | PV | T",
            "DELETE /api/v1/payment-requests/{id} | PV | T M",
            "POST /api/v1/payment-requests/{id}/agreement | C | T M",
            "POST /api/v1/payment-requests/{id}/query | C | T",
            // payments
            "GET /api/v1/accounts | SIGNED |",
            "GET /api/v1/accounts/{id} | C STAFF | T",
            "GET /api/v1/accounts/{id}/ledger | C STAFF | T",
            "POST /api/v1/accounts/{id}/surplus-recoveries | F | T",
            "GET /api/v1/accounts/{id}/surplus-recoveries | C STAFF | T",
            "PUT /api/v1/accounts/{id}/bank-details | DP F | T",
            "GET /api/v1/accounts/{id}/bank-details | STAFF | T",
            "PUT /api/v1/council-bank-accounts/{which} | F |",
            "GET /api/v1/council-bank-accounts/{which} | F |",
            "GET /api/v1/service-funds | PV DP F |",
            "GET /api/v1/service-funds/{id} | R PV STAFF | T",
            "GET /api/v1/citizens/{citizenId}/service-funds | C STAFF | T",
            "POST /api/v1/service-funds/{id}/spending | PV | T",
            "POST /api/v1/service-funds/{id}/spending-imports | PV | T",
            "POST /api/v1/payment-runs | F | M",
            "GET /api/v1/payment-runs | STAFF |",
            "GET /api/v1/payment-runs/{id} | STAFF | T",
            "POST /api/v1/payment-runs/{id}/approval | F | T M",
            "GET /api/v1/payment-runs/{id}/totals | STAFF | T",
            "GET /api/v1/payment-runs/{id}/exceptions | STAFF | T",
            "GET /api/v1/payment-runs/{id}/provider-payments | STAFF | T",
            "GET /api/v1/payment-runs/{id}/bank-file | F | T",
            "GET /api/v1/payment-runs/{id}/summary.csv | F | T",
            // help
            "GET /api/v1/citizens/{citizenId}/cover-candidates | C | T",
            "POST /api/v1/cover-bookings | C R STAFF |",
            "GET /api/v1/cover-bookings | SIGNED |",
            "GET /api/v1/cover-bookings/{id} | C PA STAFF | T",
            "POST /api/v1/cover-bookings/{id}/accept | PA | T M",
            "POST /api/v1/cover-bookings/{id}/decline | PA | T M",
            "POST /api/v1/cover-bookings/{id}/cancel | C STAFF | T M",
            "POST /api/v1/cover-bookings/{id}/worked | C | T M",
            "POST /api/v1/help-requests | C R |",
            "GET /api/v1/help-requests | SIGNED |",
            "GET /api/v1/help-requests/{id} | C DP | T",
            "POST /api/v1/help-requests/{id}/replies | C DP | T",
            "POST /api/v1/help-requests/{id}/assignment | DP | T M",
            "POST /api/v1/help-requests/{id}/closure | DP | T",
            // personal-data rights (issue 17): finance officers and budget holders of the council are refused a whole record (403)
            "GET /api/v1/citizens/{id}/subject-access | C P DP A | T",
            "POST /api/v1/citizens/{id}/erasure | DP A | T M",
            "GET /api/v1/pa-profiles/{id}/subject-access | PA DP | T",
            "POST /api/v1/pa-profiles/{id}/erasure | DP A | T M",
            // only a PA who registered with no council: the demo's PA registered with demo-england (PaErasureIT lets one in)
            "POST /api/v1/me/pa-erasure | | M",
            // a provider who leaves the directory: the DP team or an administrator of the council that checks it, or the provider themself
            "GET /api/v1/providers/{id}/subject-access | DP A | T",
            "POST /api/v1/providers/{id}/erasure | DP A | T M",
            "POST /api/v1/me/provider-erasure | PV | M",
            "GET /api/v1/me/subject-access | SIGNED N |",
            // insights
            "GET /api/v1/insights | STAFF |",
            "GET /api/v1/insights/client-level-data | DP F A |",
            "GET /api/v1/insights/national | N |");

    /** The demo citizen's own record, where they have one of the kind; else one of demo-england's. */
    static final String ME = "(SELECT a.citizen_id FROM citizen_access a JOIN app_user u ON u.id = a.user_id"
            + " WHERE u.username = 'citizen@demo-england' ORDER BY a.citizen_id LIMIT 1)";
    static final String ENGLAND = "(SELECT id FROM council WHERE code = 'demo-england')";
    static final String DEMO_PA = "(SELECT id FROM app_user WHERE username = 'pa@demo-england')";
    static final String DEMO_PROVIDER = "(SELECT id FROM app_user WHERE username = 'provider@demo-england')";

    /** For each path up to a variable (variables written {}), the SQL that finds a real id of its kind. */
    static final Map<String, String> IDS = Map.ofEntries(
            // keys are each user's own, and the demo has none (ApiKeysIT makes its own)
            Map.entry("/api/v1/api-keys/{}", "SELECT id FROM api_key WHERE false"),
            Map.entry("/api/v1/citizens/{}", "SELECT " + ME),
            Map.entry("/api/v1/council/staff/{}", "SELECT id FROM app_user WHERE username = 'practitioner@demo-england'"),
            // the demo citizen has no representative, and others' are not theirs: a made-up id (RepresentativesIT asks with real ones)
            Map.entry("/api/v1/citizens/{}/representatives/{}", "SELECT NULL"),
            // nor anyone in their household: a made-up id (HouseholdMembersIT asks with real ones)
            Map.entry("/api/v1/citizens/{}/household-members/{}", "SELECT NULL"),
            Map.entry("/api/v1/direct-payments/{}",
                    "SELECT id FROM direct_payment WHERE council_id = " + ENGLAND + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/plans/{}",
                    "SELECT id FROM care_plan WHERE council_id = " + ENGLAND + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/returns/{}", "SELECT r.id FROM financial_return r JOIN dp_account a ON a.id = r.account_id"
                    + " WHERE r.council_id = " + ENGLAND + " ORDER BY a.citizen_id = " + ME + " DESC, r.id LIMIT 1"),
            Map.entry("/api/v1/receipts/{}", "SELECT c.id FROM return_receipt c JOIN financial_return r ON r.id = c.return_id"
                    + " JOIN dp_account a ON a.id = r.account_id WHERE r.council_id = " + ENGLAND
                    + " ORDER BY a.citizen_id = " + ME + " DESC, c.id LIMIT 1"),
            Map.entry("/api/v1/accounts/{}", "SELECT id FROM dp_account WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/questions/{}", "SELECT id FROM monitoring_question WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/transactions/{}", "SELECT t.id FROM account_transaction t JOIN dp_account a ON a.id = t.account_id"
                    + " WHERE t.council_id = " + ENGLAND + " ORDER BY a.citizen_id = " + ME + " DESC, t.id LIMIT 1"),
            Map.entry("/api/v1/introductions/{}", "SELECT i.id FROM introduction i JOIN vacancy v ON v.id = i.vacancy_id"
                    + " WHERE i.council_id = " + ENGLAND + " ORDER BY v.citizen_id = " + ME + " DESC, i.profile_id = (SELECT id FROM"
                    + " pa_profile WHERE user_id = " + DEMO_PA + ") DESC, i.id LIMIT 1"),
            Map.entry("/api/v1/pa-profiles/{}", "SELECT id FROM pa_profile WHERE user_id = " + DEMO_PA),
            Map.entry("/api/v1/providers/{}", "SELECT id::text FROM directory_organization WHERE user_id = " + DEMO_PROVIDER),
            Map.entry("/api/v1/vacancies/{}", "SELECT id FROM vacancy WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/letters/{}", "SELECT id FROM letter WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/letter-templates/{}", "SELECT 'REVIEW_DUE'"),
            Map.entry("/api/v1/letter-templates/{}/{}", "SELECT 'en'"),
            Map.entry("/api/v1/feedback/rounds/{}", "SELECT id FROM feedback_round WHERE council_id = " + ENGLAND + " ORDER BY id LIMIT 1"),
            Map.entry("/api/v1/payroll-runs/{}", "SELECT id FROM payroll_run WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/payslips/{}", "SELECT id FROM payslip WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/employments/{}", "SELECT id FROM pa_employment WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/timesheets/{}", "SELECT t.id FROM timesheet t JOIN pa_employment e ON e.id = t.employment_id"
                    + " WHERE e.council_id = " + ENGLAND + " ORDER BY e.citizen_id = " + ME + " DESC, t.id DESC LIMIT 1"),
            Map.entry("/api/v1/peer-support/boards/{}", "SELECT 'employers'"),
            Map.entry("/api/v1/peer-support/questions/{}", "SELECT id FROM peer_post WHERE question_id IS NULL AND NOT hidden"
                    + " AND board = 'EMPLOYERS' ORDER BY id LIMIT 1"),
            Map.entry("/api/v1/peer-support/posts/{}", "SELECT id FROM peer_post WHERE NOT hidden AND board = 'EMPLOYERS' ORDER BY id LIMIT 1"),
            Map.entry("/api/v1/cover-bookings/{}", "SELECT id FROM cover_booking WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/help-requests/{}", "SELECT id FROM help_request WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/directory/services/{}", "SELECT s.id FROM directory_service s JOIN directory_organization o"
                    + " ON o.id = s.organization_id WHERE s.council_id = " + ENGLAND + " ORDER BY o.user_id = " + DEMO_PROVIDER
                    + " DESC, s.status = 'PUBLISHED' DESC, s.created_at, s.id LIMIT 1"),
            Map.entry("/api/v1/group-purchases/{}", "SELECT g.id FROM directory_group_purchase g WHERE g.council_id = " + ENGLAND
                    + " ORDER BY EXISTS (SELECT 1 FROM directory_group_member m WHERE m.group_purchase_id = g.id AND m.citizen_id = "
                    + ME + ") DESC, g.created_at, g.id LIMIT 1"),
            Map.entry("/api/v1/group-purchases/{}/members/{}", "SELECT m.id FROM directory_group_member m WHERE m.council_id = "
                    + ENGLAND + " ORDER BY m.citizen_id = " + ME + " DESC, m.id LIMIT 1"),
            Map.entry("/api/v1/payment-requests/{}", "SELECT id FROM directory_payment_request WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/regular-payments/{}", "SELECT id FROM directory_regular_payment WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/one-off-payments/{}", "SELECT id FROM one_off_payment WHERE council_id = " + ENGLAND
                    + " ORDER BY citizen_id = " + ME + " DESC, id LIMIT 1"),
            Map.entry("/api/v1/payment-runs/{}", "SELECT id FROM payment_run WHERE council_id = " + ENGLAND + " ORDER BY id LIMIT 1"),
            Map.entry("/api/v1/service-funds/{}", "SELECT id FROM dp_account WHERE council_id = " + ENGLAND
                    + " AND type = 'INDIVIDUAL_SERVICE_FUND' ORDER BY id LIMIT 1"),
            Map.entry("/api/v1/council-bank-accounts/{}", "SELECT 'COUNCIL_ACCOUNT'"),
            Map.entry("/api/v1/csv-mappings/{}", "SELECT 'matrix-test'"));

    static final long MADE_UP_ID = 987_654_321L;
    static final Pattern VARIABLE = Pattern.compile("\\{[^}]+}");

    record Row(String method, String path, Set<R> allowed, boolean open, boolean tenancy, boolean mutates, boolean safe) {

        static Row parse(String line) {
            String[] parts = line.split("\\|", -1);
            String[] operation = parts[0].trim().split(" ");
            Set<R> allowed = EnumSet.noneOf(R.class);
            boolean open = false;
            for (String code : parts[1].trim().split("\\s+")) {
                switch (code) {
                    case "STAFF" -> allowed.addAll(List.of(R.P, R.BH, R.DP, R.F, R.A));
                    case "SIGNED" -> allowed.addAll(EnumSet.complementOf(EnumSet.of(R.N)));
                    case "PUBLIC" -> open = true;
                    case "" -> { }
                    default -> allowed.add(R.valueOf(code));
                }
            }
            String flags = parts[2];
            return new Row(operation[0], operation[1], allowed, open, flags.contains("T"), flags.contains("M"), flags.contains("S"));
        }

        String key() {
            return method + " " + path;
        }

        boolean write() {
            return !method.equals("GET");
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserDetailsService users;

    final JsonMapper json = JsonMapper.builder().build();
    final Map<String, UserDetails> principals = new LinkedHashMap<>();

    @Test
    void everyOperationRefusesEveryoneTheTableDoesNotLetIn() throws Exception {
        Http http = new Http(port);
        Map<String, Set<String>> operations = operationsInTheApiDocs(http);
        Map<String, Row> table = new LinkedHashMap<>();
        for (String line : MATRIX) {
            Row row = Row.parse(line);
            assertThat(table.put(row.key(), row)).as("%s has one row", row.key()).isNull();
        }
        Set<String> missing = new TreeSet<>(operations.keySet());
        missing.removeAll(table.keySet());
        Set<String> gone = new TreeSet<>(table.keySet());
        gone.removeAll(operations.keySet());
        assertThat(missing).as("operations in /v3/api-docs without a row in AuthorisationMatrixIT.MATRIX: add a row for each"
                + " (who may call it, T, M, S)").isEmpty();
        assertThat(gone).as("rows in AuthorisationMatrixIT.MATRIX for operations no longer in /v3/api-docs: remove them").isEmpty();

        List<String> wrong = new ArrayList<>();
        List<String> grid = new ArrayList<>();
        for (Row row : table.values()) {
            String real = fill(row.path());
            boolean madeUp = real == null;
            String path = madeUp ? VARIABLE.matcher(row.path()).replaceAll(Long.toString(MADE_UP_ID)) : real;
            boolean multipart = operations.get(row.key()).contains(MediaType.MULTIPART_FORM_DATA_VALUE);
            StringBuilder line = new StringBuilder(row.key()).append(madeUp ? " (no demo record: made-up id) ->" : " ->");

            // nobody signed in, over real HTTP
            int anonymous = anonymously(http, row.method(), path, multipart).statusCode();
            line.append(" anon=").append(anonymous);
            if (row.open() ? anonymous == 401 || anonymous == 403 || anonymous >= 500 : anonymous != 401) {
                wrong.add(row.key() + " with nobody signed in: " + anonymous + (row.open() ? " (it is public)" : ", not 401"));
            }

            for (R role : R.values()) {
                boolean allowed = row.allowed().contains(role) && !madeUp;
                if (allowed && row.mutates()) {
                    line.append(' ').append(role).append("=skip");
                    continue;
                }
                MvcResult result = as(role.england(), row.method(), path, multipart);
                int status = result.getResponse().getStatus();
                line.append(' ').append(role).append('=').append(status);
                if (allowed) {
                    if (status == 401 || status == 403 || status == 404 || status == 405 || status >= 500) {
                        wrong.add(row.key() + " as " + role.england() + ": " + status + ", but the table lets them in "
                                + body(result));
                    } else if (row.write() && !row.safe() && status / 100 == 2) {
                        wrong.add(row.key() + " as " + role.england() + ": " + status + " to an empty body changed demo data:"
                                + " mark the row M");
                    }
                } else if (!refused(row, status)) {
                    wrong.add(row.key() + " as " + role.england() + ": " + status + ", not 403 or 404" + (row.write()
                            ? " (or 400/422 to the empty body) " : " ") + body(result));
                }
            }

            if (row.tenancy()) {
                line.append(" | wales");
                for (R role : row.allowed()) {
                    if (role == R.N) {
                        continue;
                    }
                    MvcResult result = as(role.wales(), row.method(), path, multipart);
                    int status = result.getResponse().getStatus();
                    line.append(' ').append(role).append('=').append(status);
                    if (role.staff() ? status != 404 && !bodyRefused(row, status) : !refused(row, status)) {
                        wrong.add(row.key() + " as " + role.wales() + " with demo-england's ids: " + status
                                + (role.staff() ? ", not 404 " : ", not 403 or 404 ") + body(result));
                    }
                }
            }
            grid.add(line.toString());
        }
        // what everyone got, for reading beside the table
        java.nio.file.Files.write(java.nio.file.Path.of("target", "authorisation-matrix.txt"), grid);
        assertThat(wrong).as("answers that differ from AuthorisationMatrixIT.MATRIX").isEmpty();
    }

    /** A refusal: 403 or 404, or for a write a 400/422 to the empty body (nothing written, nothing told). */
    static boolean refused(Row row, int status) {
        return status == 403 || status == 404 || bodyRefused(row, status);
    }

    /**
     * Many writes check the body before who is asking (Spring binds and validates it before the
     * module's check): an empty body then gets 400 or 422, which says nothing about the record and
     * changes nothing. Never 2xx or 409, which would mean the record was reached.
     */
    static boolean bodyRefused(Row row, int status) {
        return row.write() && (status == 400 || status == 422);
    }

    /** Every operation under /api/v1 in the OpenAPI document, with the media types its body may have. */
    Map<String, Set<String>> operationsInTheApiDocs(Http http) {
        HttpResponse<String> docs = http.get("/v3/api-docs");
        assertThat(docs.statusCode()).isEqualTo(200);
        Map<String, Set<String>> operations = new LinkedHashMap<>();
        JsonNode paths = json.readTree(docs.body()).get("paths");
        for (String path : paths.propertyNames()) {
            if (!path.startsWith("/api/v1")) {
                continue;
            }
            JsonNode item = paths.get(path);
            for (String method : List.of("get", "put", "post", "delete", "patch")) {
                if (item.has(method)) {
                    Set<String> types = new TreeSet<>();
                    JsonNode content = item.get(method).path("requestBody").path("content");
                    content.propertyNames().forEach(types::add);
                    operations.put(method.toUpperCase() + " " + path, types);
                }
            }
        }
        assertThat(operations).as("the API's operations").hasSizeGreaterThan(100);
        return operations;
    }

    /**
     * The path with each variable replaced by a real id of its kind from demo-england; null if the
     * demo data has no record of a kind (then the row is asked with a made-up id: everyone 403 or 404).
     */
    String fill(String template) {
        Matcher variable = VARIABLE.matcher(template);
        StringBuilder path = new StringBuilder();
        while (variable.find()) {
            String upTo = VARIABLE.matcher(template.substring(0, variable.end())).replaceAll("{}");
            String sql = IDS.get(upTo);
            assertThat(sql).as("AuthorisationMatrixIT.IDS has no query for %s (in %s)", upTo, template).isNotNull();
            String id = jdbc.sql(sql).query((rs, n) -> rs.getString(1)).optional().orElse(null);
            if (id == null) {
                return null;
            }
            variable.appendReplacement(path, id);
        }
        variable.appendTail(path);
        return path.toString();
    }

    HttpResponse<String> anonymously(Http http, String method, String path, boolean multipart) {
        return switch (method) {
            case "GET" -> http.get(path, "Accept", "application/json");
            default -> http.request(method, path, multipart ? "" : "{}", multipart
                    ? "multipart/form-data; boundary=matrix" : MediaType.APPLICATION_JSON_VALUE);
        };
    }

    MvcResult as(String username, String method, String path, boolean multipart) throws Exception {
        UserDetails principal = principals.computeIfAbsent(username, users::loadUserByUsername);
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(HttpMethod.valueOf(method), path)
                .with(SecurityMockMvcRequestPostProcessors.user(principal))
                .accept(MediaType.APPLICATION_JSON, MediaType.ALL);
        if (!method.equals("GET")) {
            if (multipart) {
                request.contentType("multipart/form-data; boundary=matrix").content("--matrix--\r\n");
            } else {
                request.contentType(MediaType.APPLICATION_JSON).content("{}");
            }
        }
        return mvc.perform(request).andReturn();
    }

    static String body(MvcResult result) throws Exception {
        String body = result.getResponse().getContentAsString();
        return "(" + (body.length() > 200 ? body.substring(0, 200) + "…" : body) + ")";
    }
}
