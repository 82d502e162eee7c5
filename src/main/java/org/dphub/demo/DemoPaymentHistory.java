package org.dphub.demo;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.dphub.councils.Council;
import org.dphub.councils.Councils;
import org.dphub.councils.Nation;
import org.dphub.identity.UserAccounts;
import org.dphub.monitoring.AccountTransaction;
import org.dphub.monitoring.StatementFormat;
import org.dphub.monitoring.TransactionImports;
import org.dphub.monitoring.Transactions;
import org.dphub.payments.Account;
import org.dphub.payments.Accounts;
import org.dphub.payments.BankAccounts;
import org.dphub.payments.BankDetails;
import org.dphub.payments.Ledger;
import org.dphub.payments.PaymentSchedule;
import org.dphub.payments.Posting;
import org.dphub.people.Citizens;
import org.dphub.plans.AccountType;
import org.dphub.plans.BudgetLine;
import org.dphub.plans.BudgetLineKind;
import org.dphub.plans.DirectPayments;
import org.dphub.plans.PlanVersion;
import org.dphub.shared.Money;
import org.dphub.shared.SignedInUser;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Past months for the demo, made the way a real council's would be. Each period already due is
 * funded with the key and words a payment run uses ("schedule:{id}:{period}", "Direct payment for
 * the period from 5 December 2026"), so a real run later pays only what is still due, and the first
 * payment stops the time-to-money clock. Then the account's statement ({@link DemoStatements}) is
 * imported by the council's finance officer through {@link TransactionImports}, as any statement
 * is — the demo citizen's bank's camt.053, and each provider's CSV for its accounts, just before
 * the demo data commits: the council's payments on them are matched to the ledger, the spending is
 * posted. Last, the person (or, for some without an online account, their practitioner) says what
 * some of it was for, so "Your spending" shows spending explained, and suggestions for what is not.
 */
@Component
class DemoPaymentHistory {

    private static final DateTimeFormatter PERIOD_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    private final Accounts accounts;
    private final Ledger ledger;
    private final DirectPayments directPayments;
    private final BankAccounts bankAccounts;
    private final TransactionImports imports;
    private final Transactions transactions;
    private final UserAccounts users;
    private final Councils councils;
    private final Citizens citizens;
    private final java.time.Clock clock;

    DemoPaymentHistory(Accounts accounts, Ledger ledger, DirectPayments directPayments, BankAccounts bankAccounts,
                       TransactionImports imports, Transactions transactions, UserAccounts users, Councils councils,
                       Citizens citizens, java.time.Clock clock) {
        this.clock = clock;
        this.bankAccounts = bankAccounts;
        this.accounts = accounts;
        this.ledger = ledger;
        this.directPayments = directPayments;
        this.imports = imports;
        this.transactions = transactions;
        this.users = users;
        this.councils = councils;
        this.citizens = citizens;
    }

    /**
     * Where the account is paid: the person's bank account, or a managed account provider with
     * their reference; prepaid cards are loaded at the council's card provider. A few bank
     * accounts have no details yet, so a payment run shows them as exceptions.
     */
    void bankDetails(long directPaymentId, String holderName, boolean missing, Random random) {
        long accountId = accounts.accountFor(directPaymentId).orElseThrow();
        Account account = accounts.account(accountId).orElseThrow();
        if (missing && account.type() == AccountType.BANK_ACCOUNT) {
            return;
        }
        switch (account.type()) {
            case BANK_ACCOUNT -> bankAccounts.recordAtSetUp(account.councilId(), "PAYEE", accountId, new BankDetails(
                    holderName.length() > 70 ? holderName.substring(0, 70) : holderName,
                    "%06d".formatted(200_000 + random.nextInt(700_000)), "%08d".formatted(random.nextInt(100_000_000)), null));
            case MANAGED_ACCOUNT -> bankAccounts.recordAtSetUp(account.councilId(), "PAYEE", accountId, new BankDetails(
                    "Community Accounts CIC", "309950", "00733445", "MA" + accountId));
            case PREPAID_CARD -> { } // the council's card provider
        }
    }

    void paymentsSoFar(long directPaymentId, LocalDate today, Random random) {
        long accountId = accounts.accountFor(directPaymentId).orElseThrow();
        Account account = accounts.account(accountId).orElseThrow();
        PaymentSchedule schedule = accounts.scheduleOf(accountId).orElseThrow();
        // every period due by today has been paid (as the nightly runs would have done)
        int due = schedule.periodsDueBy(today);
        List<DemoStatements.Period> periods = new ArrayList<>();
        for (int period = 0; period < due; period++) {
            LocalDate paidOn = schedule.dueDate(period);
            Money payment = schedule.regularPaymentOn(paidOn);
            ledger.post(Posting.funding(account.councilId(), "schedule:" + schedule.id() + ":" + period, accountId,
                    payment, paidOn, "Direct payment for the period from " + PERIOD_DATE.format(paidOn)));
            if (payment.isZero()) {
                continue;
            }
            // what is spent: between 75% and 100% of what came in (one number a period from the shared
            // random numbers, as before, so the rest of the demo data stays as it was)
            int share = 75 + random.nextInt(26);
            periods.add(new DemoStatements.Period(paidOn, schedule.dueDate(period + 1), payment.pence(), share));
            if (period == 0) {
                directPayments.recordFirstPayment(directPaymentId, paidOn);
            }
        }
        if (!periods.isEmpty()) {
            statementSoFar(account, periods, today);
        }
    }

    /** An account's statement, waiting to be imported with the rest of its council's. */
    private record AccountStatement(Account account, List<DemoStatements.Line> lines, String paName, boolean welsh,
                                    SignedInUser online) {
    }

    /** A council's statements so far, and who imports and explains them. */
    private static final class CouncilStatements {
        final Council council;
        final SignedInUser finance;
        final SignedInUser practitioner;
        final SignedInUser citizen;
        /** citizen id → the demo account acting for them online (the citizen, or the representative) */
        final Map<Long, SignedInUser> online = new HashMap<>();
        final List<AccountStatement> accounts = new ArrayList<>();

        CouncilStatements(Council council, UserAccounts users, Citizens citizens) {
            this.council = council;
            this.finance = users.findByUsername("finance@" + council.code()).orElseThrow();
            this.practitioner = users.findByUsername("practitioner@" + council.code()).orElseThrow();
            this.citizen = users.findByUsername("citizen@" + council.code()).orElseThrow();
            SignedInUser representative = users.findByUsername("representative@" + council.code()).orElseThrow();
            for (SignedInUser user : List.of(representative, citizen)) {
                citizens.actingFor(user).forEach(c -> online.put(c.citizen().id(), user));
            }
        }
    }

    /**
     * The demo's statements, held until the demo data is complete and imported just before it
     * commits: then each council's finance officer imports them as statements come in — the demo
     * citizen's bank statement (camt.053), and one file from each provider for its accounts (CSV
     * with an account column) — instead of a hundred small imports.
     */
    private final class PendingStatements implements TransactionSynchronization {
        final Map<Long, CouncilStatements> councils = new LinkedHashMap<>();

        @Override
        public void beforeCommit(boolean readOnly) {
            councils.values().forEach(DemoPaymentHistory.this::importAndExplain);
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(DemoPaymentHistory.this);
        }
    }

    private PendingStatements pending() {
        PendingStatements pending = (PendingStatements) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            pending = new PendingStatements();
            TransactionSynchronizationManager.bindResource(this, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    private void statementSoFar(Account account, List<DemoStatements.Period> periods, LocalDate today) {
        CouncilStatements council = pending().councils.computeIfAbsent(account.councilId(),
                id -> new CouncilStatements(councils.findById(id).orElseThrow(), users, citizens));
        SignedInUser online = council.online.get(account.citizenId());
        // the demo citizen (person 1) pays their PA through dphub's payroll
        boolean employsThroughDphub = online != null && online.username().equals(council.citizen.username());
        boolean welsh = citizens.find(council.practitioner, account.citizenId()).map(c -> "cy".equals(c.preferredLanguage()))
                .orElse(false);
        PlanVersion plan = transactions.planInForce(council.practitioner, account.citizenId(),
                periods.get(periods.size() - 1).paidOn()).orElseThrow();
        DemoStatements statements = new DemoStatements(council.council.nation() == Nation.WALES, welsh, council.council.name(),
                account.id(), account.type(), employsThroughDphub, today);
        List<DemoStatements.Line> lines = statements.lines(periods, new DemoStatements.Plan(
                line(plan, BudgetLineKind.WEEKLY).isPresent(),
                line(plan, BudgetLineKind.WEEKLY).map(l -> l.weeklyCost().pence()).orElse(0L),
                line(plan, BudgetLineKind.ONE_OFF).isPresent(),
                line(plan, BudgetLineKind.ONE_OFF).map(l -> l.amount().pence()).orElse(0L),
                plan.weeklyContribution().pence()));
        if (!lines.isEmpty()) {
            council.accounts.add(new AccountStatement(account, lines, statements.paName(), welsh, online));
        }
    }

    private void importAndExplain(CouncilStatements council) {
        LocalDate today = LocalDate.now(clock);
        Map<AccountType, List<AccountStatement>> byProvider = new java.util.EnumMap<>(AccountType.class);
        for (AccountStatement statement : council.accounts) {
            if (statement.online() != null && statement.online().username().equals(council.citizen.username())
                    && statement.account().type() == AccountType.BANK_ACCOUNT) {
                // the demo citizen's own bank sends an ISO 20022 statement
                imports.importStatement(council.finance, statement.account().id(), StatementFormat.CAMT_053, null,
                        "bank-statement-" + statement.account().id() + ".xml", utf8(DemoStatements.camt053(statement.account().id(),
                                today, statement.lines())));
            } else {
                byProvider.computeIfAbsent(statement.account().type(), t -> new ArrayList<>()).add(statement);
            }
        }
        byProvider.forEach((type, statements) -> imports.importProviderFile(council.finance, StatementFormat.CSV, null,
                switch (type) {
                    case PREPAID_CARD -> "prepaid-card-transactions.csv";
                    case MANAGED_ACCOUNT -> "managed-account-transactions.csv";
                    case BANK_ACCOUNT -> "open-banking-statements.csv";
                    // a provider holding an individual service fund reports its spending, it sends no statement (issue 18)
                    case INDIVIDUAL_SERVICE_FUND -> "individual-service-fund-statements.csv";
                }, utf8(DemoStatements.providerCsv(statements.stream()
                        .map(s -> Map.entry(s.account().id(), s.lines())).toList(), type == AccountType.PREPAID_CARD))));
        for (AccountStatement statement : council.accounts) {
            // someone without an online account has their PA's wages explained at a practitioner's visit, every third one
            if (statement.online() != null || statement.account().id() % 3 == 0) {
                explain(statement.online() != null ? statement.online() : council.practitioner, statement.online() != null,
                        statement.account(), statement.lines(), statement.paName(), statement.welsh());
            }
        }
    }

    private static ByteArrayInputStream utf8(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Says what some spending was for: of each kind, the second and third newest (so the newest
     * shows a suggestion taken from them); taxis are left for the person to say. Someone without an
     * online account has only the support and activities explained, at their practitioner's visit.
     */
    private void explain(SignedInUser who, boolean online, Account account, List<DemoStatements.Line> lines, String paName,
                         boolean welsh) {
        Map<String, DemoStatements.Use> uses = new HashMap<>();
        lines.forEach(l -> uses.put(l.description(), l.use()));
        Map<DemoStatements.Use, Integer> seen = new HashMap<>();
        for (AccountTransaction t : transactions.forAccount(who, account.id())) { // newest first
            DemoStatements.Use use = uses.get(t.description());
            if (use == null || !t.amount().isNegative() || use == DemoStatements.Use.TAXI
                    || (!online && use != DemoStatements.Use.PA_WAGES)) {
                continue;
            }
            int n = seen.merge(use, 1, Integer::sum);
            if (n < 2 || n > (online ? 3 : 2)) {
                continue;
            }
            Optional<PlanVersion> plan = transactions.planInForce(who, account.citizenId(), t.date());
            if (plan.isEmpty()) {
                continue;
            }
            BudgetLineKind kind = switch (use) {
                case PA_WAGES, AGENCY -> BudgetLineKind.HOURLY;
                case ACTIVITY -> BudgetLineKind.WEEKLY;
                case EQUIPMENT -> BudgetLineKind.ONE_OFF;
                default -> null;
            };
            Integer position = null;
            String outcome = plan.get().outcomes().isEmpty() ? null : plan.get().outcomes().get(0);
            for (int i = 0; kind != null && i < plan.get().budgetLines().size(); i++) {
                BudgetLine line = plan.get().budgetLines().get(i);
                if (line.kind() == kind) {
                    position = i + 1;
                    if (!line.outcomes().isEmpty() && line.outcomes().get(0) <= plan.get().outcomes().size()) {
                        outcome = plan.get().outcomes().get(line.outcomes().get(0) - 1);
                    }
                    break;
                }
            }
            transactions.tag(who, t.id(), position, outcome, note(use, paName, welsh, online));
        }
    }

    private static String note(DemoStatements.Use use, String paName, boolean welsh, boolean online) {
        if (!online) {
            return welsh ? "Wedi siarad amdano yn yr ymweliad" : "Talked through at my visit";
        }
        String given = paName.split(" ")[0];
        return switch (use) {
            case PA_WAGES -> welsh ? "Helpodd " + given + " fi i baratoi a mynd i'r siopau" : given + " helped me get ready and out to the shops";
            case AGENCY -> welsh ? "Oriau cymorth cyn i mi gyflogi fy CP fy hun" : "Support hours before I employed my own PA";
            case ACTIVITY -> welsh ? "Nofio a'r gampfa, ddwywaith yr wythnos" : "Swimming and the gym, twice a week";
            case DAY_CENTRE -> welsh ? "Diwrnod yn y ganolfan gyda fy ffrindiau" : "A day at the centre with my friends";
            case EQUIPMENT -> welsh ? "Stôl glwydo i'r gegin" : "A perching stool for the kitchen";
            case FEE -> welsh ? "Ffi'r cyfrif a reolir" : "The managed account's fee";
            default -> null;
        };
    }

    private static Optional<BudgetLine> line(PlanVersion plan, BudgetLineKind kind) {
        return plan.budgetLines().stream().filter(l -> l.kind() == kind).findFirst();
    }
}
