package org.dphub.payments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.dphub.audit.AuditAction;
import org.dphub.audit.AuditTrail;
import org.dphub.payments.internal.AccountRepository;
import org.dphub.people.Citizen;
import org.dphub.people.Citizens;
import org.dphub.plans.CarePlans;
import org.dphub.plans.ServiceFundProviders;
import org.dphub.shared.InvalidMoneyException;
import org.dphub.shared.Money;
import org.dphub.shared.Role;
import org.dphub.shared.SignedInUser;
import org.dphub.web.FormError;
import org.dphub.web.FormErrors;
import org.dphub.web.NotFound;
import org.dphub.web.ValidationProblem;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The payments module's public face for individual service funds (issue 18): money a provider the
 * person chose holds for them, paid to the provider by the payment runs. The provider reports what
 * it spent, line by line, against the outcomes of the person's plan; each line is SPENDING on the
 * fund's ledger (append-only, idempotent by key), so what is left is always the ledger's sum.
 *
 * <p>Who records spending: the provider's own user (the organisation's sign-in, when it signed itself
 * up) or, for a provider with no sign-in (one imported from a council's feed), the council's DP team or
 * finance officers on its behalf. The person and their representatives read it; they never record it.
 * No financial return is asked of the person for a fund: {@code Returns} asks bank-account holders only.
 */
@Service
public class ServiceFunds {

    static final String KEY = "isf-spending:";
    /** The most lines one upload may carry. */
    public static final int MAX_CSV_LINES = 2_000;

    private final AccountRepository accounts;
    private final Accounts accountSummaries;
    private final Ledger ledger;
    private final Citizens citizens;
    private final CarePlans plans;
    private final List<ServiceFundProviders> providers;
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    ServiceFunds(AccountRepository accounts, Accounts accountSummaries, Ledger ledger, Citizens citizens, CarePlans plans,
                 List<ServiceFundProviders> providers, JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.accounts = accounts;
        this.accountSummaries = accountSummaries;
        this.ledger = ledger;
        this.citizens = citizens;
        this.plans = plans;
        this.providers = providers;
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    /** One line of spending as typed (a page, the API or a CSV row): amounts in pounds, or "pence:123" from the API. */
    public record SpendingInput(String spentOn, String amount, String description, String outcome) {
    }

    /** One line of spending as recorded. */
    public record SpendingLine(long id, LocalDate spentOn, Money amount, String description, int outcomePosition,
                               String outcome, String recordedBy) {
    }

    /**
     * What the fund was spent on for one outcome: {@code number} is its place in the plan in force now,
     * 0 for an outcome an earlier version of the plan had and this one does not.
     */
    public record OutcomeSpending(int number, String outcome, Money spent) {
    }

    /**
     * A fund as its readers see it: what the provider has received by today, spent and has left, the
     * spending by outcome (every outcome of the plan, in order) and line by line, newest first.
     * {@code personName} is shown to council staff only (null for the provider: the remittance
     * reference {@link #reference()} identifies the fund).
     */
    public record Fund(Account account, String personName, Money received, Money spent, Money left,
                       List<String> outcomes, List<OutcomeSpending> byOutcome, List<OutcomeSpending> earlierOutcomes,
                       List<SpendingLine> lines, LocalDate nextPaymentDate, Money nextPayment) {

        /** What the bank file's remittance shows for this fund's payments. */
        public String reference() {
            return "DPHUB ISF " + account.id();
        }

        public String provider() {
            return account.isfOrganizationName();
        }

        /** The outcomes something was spent on (the plan's now, then earlier ones), for "spent on …" sentences. */
        public List<OutcomeSpending> spentOn() {
            return java.util.stream.Stream.concat(byOutcome.stream().filter(o -> !o.spent().isZero()), earlierOutcomes.stream()).toList();
        }
    }

    /** The funds this user may record spending for: a provider's own, or every fund in a DP team member's council. */
    @Transactional(readOnly = true)
    public List<Fund> fundsFor(SignedInUser user) {
        if (isCouncilRecorder(user)) {
            List<Account> all = jdbc.sql("""
                            SELECT id FROM dp_account WHERE council_id = :c AND type = 'INDIVIDUAL_SERVICE_FUND' ORDER BY id""")
                    .param("c", user.councilId()).query(Long.class).list().stream()
                    .map(id -> accounts.find(id).orElseThrow()).toList();
            var people = citizens.findAll(user, all.stream().map(Account::citizenId).toList());
            return all.stream().map(a -> fund(a, Optional.ofNullable(people.get(a.citizenId())).map(Citizen::fullName).orElse(null)))
                    .toList();
        }
        Optional<UUID> own = ownOrganization(user);
        if (own.isEmpty()) {
            throw new AccessDeniedException("Only the provider holding a fund, or the council's DP team, records its spending");
        }
        return jdbc.sql("SELECT id FROM dp_account WHERE isf_organization_id = :org ORDER BY id").param("org", own.get())
                .query(Long.class).list().stream().map(id -> fund(accounts.find(id).orElseThrow(), null)).toList();
    }

    /** How many funds this user records spending for (0 for anyone else), counted in SQL for the home page. */
    @Transactional(readOnly = true)
    public long countFor(SignedInUser user) {
        if (isCouncilRecorder(user)) {
            return jdbc.sql("SELECT count(*) FROM dp_account WHERE council_id = :c AND type = 'INDIVIDUAL_SERVICE_FUND' AND status = 'OPEN'")
                    .param("c", user.councilId()).query(Long.class).single();
        }
        return ownOrganization(user).map(org -> jdbc.sql(
                        "SELECT count(*) FROM dp_account WHERE isf_organization_id = :org AND status = 'OPEN'")
                .param("org", org).query(Long.class).single()).orElse(0L);
    }

    /**
     * The fund, for someone who may see it: the provider holding it, the council's staff, the person
     * or their representatives. Anyone else: not found (the same as a fund that does not exist).
     */
    @Transactional(readOnly = true)
    public Fund find(SignedInUser user, long accountId) {
        Account account = accounts.find(accountId).filter(Account::isIndividualServiceFund).orElseThrow(NotFound::new);
        if (holds(user, account)) {
            return fund(account, null);
        }
        Citizen person = citizens.find(user, account.citizenId()).orElseThrow(NotFound::new);
        return fund(account, user.isStaff() ? person.fullName() : null);
    }

    /** The funds providers hold for a person, as the person (or their representative, or staff) sees them. */
    @Transactional(readOnly = true)
    public List<Fund> heldFor(SignedInUser user, long citizenId) {
        Citizen person = citizens.find(user, citizenId).orElseThrow(NotFound::new);
        return accounts.forCitizen(person.councilId(), citizenId).stream().filter(Account::isIndividualServiceFund)
                .map(a -> fund(a, null)).toList();
    }

    /**
     * Records spending lines from the fund, all or none: every line is checked first (each error names
     * its field, {@code lines[n].amount}) and nothing is posted if any is wrong. {@code keyPrefix} makes
     * the lines idempotent: the same prefix and line again posts nothing more.
     *
     * @throws AccessDeniedException for anyone but the provider holding it or the council's DP team/finance
     * @throws NotFound for a fund that does not exist or belongs to another council
     */
    @Transactional
    public List<SpendingLine> record(SignedInUser user, long accountId, List<SpendingInput> lines, String keyPrefix,
                                     FormErrors errors) {
        Account account = recordable(user, accountId);
        accounts.lock(account.id());
        List<String> outcomes = outcomesOf(account);
        LocalDate today = LocalDate.now(clock);
        List<Checked> checked = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Checked line = check(lines.get(i), "lines[" + i + "]", outcomes, account, today, errors);
            if (line != null) {
                checked.add(line);
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationProblem(errors.list());
        }
        Money total = checked.stream().map(Checked::amount).reduce(Money.ZERO, Money::plus);
        Money left = ledger.balanceOn(account.id(), today);
        if (total.isGreaterThan(left)) {
            throw new ValidationProblem(List.of(new FormError(lines.size() == 1 ? "lines[0].amount" : "lines",
                    errors.messages().getMessage("isf.error.more-than-left", new Object[] {total.formatWithPence(),
                            left.formatWithPence()}, errors.locale()))));
        }
        List<SpendingLine> recorded = new ArrayList<>();
        for (int i = 0; i < checked.size(); i++) {
            Checked line = checked.get(i);
            String key = keyPrefix + ":" + i;
            String description = "Spent by " + account.isfOrganizationName() + ": " + line.description();
            if (!ledger.post(Posting.spending(account.councilId(), KEY + key, account.id(), line.amount(), line.spentOn(),
                    description.length() > 500 ? description.substring(0, 500) : description))) {
                continue; // posted before: the same line again changes nothing
            }
            long id = jdbc.sql("""
                            INSERT INTO isf_spending (council_id, account_id, idempotency_key, spent_on, amount_pence, description,
                                                      outcome_position, outcome, recorded_by)
                            VALUES (:c, :a, :k, :on, :p, :d, :n, :o, :by) RETURNING id""")
                    .param("c", account.councilId()).param("a", account.id()).param("k", key).param("on", line.spentOn())
                    .param("p", line.amount().pence()).param("d", line.description()).param("n", line.outcome())
                    .param("o", outcomes.get(line.outcome() - 1)).param("by", user.username())
                    .query(Long.class).single();
            audit.record(account.councilId(), "isf_spending", id, AuditAction.CREATE, null, AuditTrail.values(
                    "accountId", account.id(), "provider", account.isfOrganizationName(), "spentOn", line.spentOn().toString(),
                    "amount", line.amount().formatWithPence(), "description", line.description(), "outcome", line.outcome()));
            recorded.add(new SpendingLine(id, line.spentOn(), line.amount(), line.description(), line.outcome(),
                    outcomes.get(line.outcome() - 1), user.username()));
        }
        return recorded;
    }

    /**
     * A CSV of spending lines, with a header {@code date,amount,description,outcome}: the date as
     * 2026-12-01 or 01/12/2026, the amount in pounds, the outcome's number in the plan. Every line is
     * checked and an error names its line number in the file ("Line 3: …"); nothing is posted if any
     * line is wrong. Uploading the same file again posts nothing more.
     */
    @Transactional
    public List<SpendingLine> upload(SignedInUser user, long accountId, byte[] csv, FormErrors errors) {
        recordable(user, accountId);
        String text = new String(csv, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<SpendingInput> lines = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new StringReader(text))) {
            String header = reader.readLine();
            if (header == null || !header.strip().toLowerCase(java.util.Locale.ROOT).replace(" ", "")
                    .startsWith("date,amount,description,outcome")) {
                throw new ValidationProblem(List.of(new FormError("file",
                        errors.messages().getMessage("isf.error.csv.header", null, errors.locale()))));
            }
            String row;
            int number = 1;
            while ((row = reader.readLine()) != null) {
                number++;
                if (row.isBlank()) {
                    continue;
                }
                if (lines.size() >= MAX_CSV_LINES) {
                    throw new ValidationProblem(List.of(new FormError("file",
                            errors.messages().getMessage("isf.error.csv.too-many", new Object[] {MAX_CSV_LINES}, errors.locale()))));
                }
                List<String> cells = cells(row);
                if (cells.size() != 4) {
                    errors.reject("line " + number, "isf.error.csv.columns", number);
                    continue;
                }
                lines.add(new SpendingInput(cells.get(0), cells.get(1), cells.get(2), cells.get(3)));
                lineNumbers.add(number);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        if (lines.isEmpty() && errors.isEmpty()) {
            throw new ValidationProblem(List.of(new FormError("file",
                    errors.messages().getMessage("isf.error.csv.empty", null, errors.locale()))));
        }
        // each line is checked on its own, and its errors say its line number in the file
        FormErrors perLine = new FormErrors(errors.messages(), errors.locale());
        Account account = accounts.find(accountId).orElseThrow();
        List<String> outcomes = outcomesOf(account);
        LocalDate today = LocalDate.now(clock);
        for (int i = 0; i < lines.size(); i++) {
            FormErrors one = new FormErrors(errors.messages(), errors.locale());
            check(lines.get(i), "line", outcomes, account, today, one);
            for (FormError e : one.list()) {
                perLine.reject("line " + lineNumbers.get(i), "isf.error.csv.line", lineNumbers.get(i), e.message());
            }
        }
        errors.list().forEach(e -> perLine.reject(e.field(), "isf.error.csv.any", e.message()));
        if (!perLine.isEmpty()) {
            throw new ValidationProblem(perLine.list().stream()
                    .sorted(java.util.Comparator.comparingInt(e -> Integer.parseInt(e.field().substring(5)))).toList());
        }
        return record(user, accountId, lines, "csv:" + accountId + ":" + sha256(csv), errors);
    }

    private record Checked(LocalDate spentOn, Money amount, String description, int outcome) {
    }

    private Checked check(SpendingInput input, String field, List<String> outcomes, Account account, LocalDate today,
                          FormErrors errors) {
        int before = errors.list().size();
        LocalDate on = date(input.spentOn(), field + ".spentOn", errors);
        if (on != null && on.isAfter(today)) {
            errors.reject(field + ".spentOn", "isf.error.date.future");
        } else if (on != null && on.isBefore(account.openedOn())) {
            errors.reject(field + ".spentOn", "isf.error.date.before-fund");
        }
        Money amount = null;
        try {
            String typed = input.amount();
            amount = typed != null && typed.startsWith("pence:") ? Money.ofPence(Long.parseLong(typed.substring(6)))
                    : Money.parsePositive(typed);
            if (!amount.isGreaterThan(Money.ZERO)) {
                errors.reject(field + ".amount", "isf.error.amount");
            } else if (amount.isGreaterThan(Money.ofPounds(1_000_000))) {
                errors.reject(field + ".amount", "isf.error.amount.too-large");
            }
        } catch (InvalidMoneyException | NumberFormatException e) {
            errors.reject(field + ".amount", "isf.error.amount");
        }
        String description = errors.text(field + ".description", input.description(), 500, true, "isf.label.description");
        int outcome = 0;
        try {
            outcome = Integer.parseInt(input.outcome() == null ? "" : input.outcome().strip());
        } catch (NumberFormatException e) {
            outcome = 0;
        }
        if (outcome < 1 || outcome > outcomes.size()) {
            errors.reject(field + ".outcome", "isf.error.outcome", Math.max(1, outcomes.size()));
        }
        if (errors.list().size() > before) {
            return null;
        }
        return new Checked(on, amount, description, outcome);
    }

    private static LocalDate date(String text, String field, FormErrors errors) {
        if (text == null || text.isBlank()) {
            errors.reject(field, "isf.error.date");
            return null;
        }
        String t = text.strip();
        try {
            if (t.matches("\\d{1,2}/\\d{1,2}/\\d{4}")) {
                String[] p = t.split("/");
                return LocalDate.of(Integer.parseInt(p[2]), Integer.parseInt(p[1]), Integer.parseInt(p[0]));
            }
            return LocalDate.parse(t);
        } catch (java.time.DateTimeException e) {
            errors.reject(field, "isf.error.date");
            return null;
        }
    }

    /** The cells of a CSV row: commas separate, double quotes may wrap a cell ("" is a quote inside one). */
    static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < row.length(); i++) {
            char c = row.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < row.length() && row.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return cells;
    }

    private Account recordable(SignedInUser user, long accountId) {
        Account account = accounts.find(accountId).filter(Account::isIndividualServiceFund).orElseThrow(NotFound::new);
        if (holds(user, account)) {
            return account;
        }
        if (user.isStaff() && !user.isStaffOf(account.councilId())) {
            throw new NotFound(); // another council's fund: as if it did not exist
        }
        if (isCouncilRecorder(user)) {
            return account;
        }
        if (user.has(Role.PROVIDER) || citizens.find(user, account.citizenId()).isPresent()) {
            throw new AccessDeniedException("Only the provider holding this fund, or the council's DP team, records its spending");
        }
        throw new NotFound();
    }

    private static boolean isCouncilRecorder(SignedInUser user) {
        return user.councilId() != null && user.isStaff() && (user.has(Role.DP_TEAM) || user.has(Role.FINANCE));
    }

    private boolean holds(SignedInUser user, Account account) {
        return user.has(Role.PROVIDER) && ownOrganization(user).filter(org -> org.equals(account.isfOrganizationId())).isPresent();
    }

    private Optional<UUID> ownOrganization(SignedInUser user) {
        if (!user.has(Role.PROVIDER)) {
            return Optional.empty();
        }
        return providers.stream().map(p -> p.organizationOf(user.userId())).flatMap(Optional::stream).findFirst();
    }

    private List<String> outcomesOf(Account account) {
        return plans.outcomesOfDirectPayment(account.isfDirectPaymentId(), LocalDate.now(clock));
    }

    private Fund fund(Account account, String personName) {
        LocalDate today = LocalDate.now(clock);
        List<String> outcomes = outcomesOf(account);
        List<SpendingLine> lines = jdbc.sql("""
                        SELECT id, spent_on, amount_pence, description, outcome_position, outcome, recorded_by FROM isf_spending
                        WHERE account_id = :a ORDER BY spent_on DESC, id DESC""")
                .param("a", account.id())
                .query((rs, row) -> new SpendingLine(rs.getLong(1), rs.getObject(2, LocalDate.class), Money.ofPence(rs.getLong(3)),
                        rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7)))
                .list();
        Map<Integer, Money> now = new java.util.TreeMap<>();
        Map<String, Money> earlier = new java.util.LinkedHashMap<>();
        for (SpendingLine line : lines) {
            int number = currentNumber(line, outcomes);
            if (number > 0) {
                now.merge(number, line.amount(), Money::plus);
            } else {
                earlier.merge(line.outcome(), line.amount(), Money::plus);
            }
        }
        List<OutcomeSpending> byOutcome = new ArrayList<>();
        for (int n = 1; n <= outcomes.size(); n++) {
            byOutcome.add(new OutcomeSpending(n, outcomes.get(n - 1), now.getOrDefault(n, Money.ZERO)));
        }
        List<OutcomeSpending> earlierOutcomes = earlier.entrySet().stream()
                .map(e -> new OutcomeSpending(0, e.getKey(), e.getValue())).toList();
        Money spent = lines.stream().map(SpendingLine::amount).reduce(Money.ZERO, Money::plus);
        Money left = ledger.balanceOn(account.id(), today);
        Accounts.Summary summary = accountSummaries.summaryOf(account.id()).orElseThrow();
        return new Fund(account, personName, left.plus(spent), spent, left, outcomes, byOutcome, earlierOutcomes, lines,
                summary.nextPaymentDate(), summary.nextPayment());
    }

    /**
     * Which outcome of the plan in force now a line was spent on: a line keeps the words of the outcome
     * it named when it was recorded, so a plan change that reorders the outcomes still counts it for the
     * right one (its own place first when the same words are there twice); 0 when the plan no longer has it.
     */
    static int currentNumber(SpendingLine line, List<String> outcomes) {
        int at = line.outcomePosition();
        if (at >= 1 && at <= outcomes.size() && outcomes.get(at - 1).equals(line.outcome())) {
            return at;
        }
        return outcomes.indexOf(line.outcome()) + 1;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
