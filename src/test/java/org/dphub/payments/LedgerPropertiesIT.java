package org.dphub.payments;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeProperty;
import org.dphub.identity.UserAccounts;
import org.dphub.people.Citizens;
import org.dphub.people.ContactPreference;
import org.dphub.people.NewCitizen;
import org.dphub.shared.Money;
import org.dphub.shared.Postcode;
import org.dphub.shared.SignedInUser;
import org.dphub.support.IntegrationTest;
import org.dphub.web.ValidationProblem;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContextManager;

/**
 * Random sequences of scheduled payments, one-offs, spending and recoveries — each sometimes sent
 * twice, as a retry would — against the real ledger in PostgreSQL: every balance is always the
 * sum of its entries and the model's, every transaction balances, and no period is paid twice.
 */
@IntegrationTest
class LedgerPropertiesIT {

    sealed interface Action permits Fund, OneOff, Spend, Recover {
    }

    /** The council pays scheduled period {@code period} (£40.00). */
    record Fund(int period) implements Action {
    }

    record OneOff(int number, long pence) implements Action {
    }

    record Spend(int number, long pence) implements Action {
    }

    record Recover(long pence) implements Action {
    }

    static final long REGULAR = 4_000;

    @Autowired
    Ledger ledger;
    @Autowired
    Accounts accounts;
    @Autowired
    SurplusRecoveries recoveries;
    @Autowired
    Citizens citizens;
    @Autowired
    UserAccounts users;
    @Autowired
    JdbcClient jdbc;

    @BeforeProperty
    void spring() throws Exception {
        new TestContextManager(getClass()).prepareTestInstance(this); // the same cached context as every other IT
    }

    @Provide
    Arbitrary<List<Action>> actions() {
        Arbitrary<Action> fund = Arbitraries.integers().between(0, 5).map(Fund::new);
        Arbitrary<Action> oneOff = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(1, 50_000)).as(OneOff::new);
        Arbitrary<Action> spend = net.jqwik.api.Combinators.combine(Arbitraries.integers().between(0, 5),
                Arbitraries.longs().between(1, 3_000)).as(Spend::new);
        Arbitrary<Action> recover = Arbitraries.longs().between(1, 60_000).map(Recover::new);
        return Arbitraries.oneOf(fund, oneOff, spend, recover).list().ofMinSize(1).ofMaxSize(20);
    }

    @Property(tries = 25)
    void balancesAreAlwaysTheSumOfTheEntriesAndNothingIsPaidTwice(@ForAll("actions") List<Action> actions) {
        SignedInUser finance = users.findByUsername("finance@demo-england").orElseThrow();
        long councilId = finance.councilId();
        var citizen = citizens.create(new NewCitizen(councilId, null, "Property", "Test", LocalDate.of(1970, 1, 1),
                Postcode.parse("SY1 1AA"), "en", ContactPreference.EMAIL, null, null, null));
        long account = jdbc.sql("""
                        INSERT INTO dp_account (council_id, citizen_id, type, status, opened_on)
                        VALUES (:c, :p, 'PREPAID_CARD', 'OPEN', current_date) RETURNING id""")
                .param("c", councilId).param("p", citizen.id()).query(Long.class).single();
        long model = 0;
        Set<String> posted = new HashSet<>();
        for (int index = 0; index < actions.size(); index++) {
            Action action = actions.get(index);
            boolean recovered = false;
            for (int attempt = 0; attempt < 2; attempt++) { // every write is tried twice, like a retry after a timeout
                if (action instanceof Fund f) {
                        String key = "property:" + account + ":schedule:" + f.period();
                        boolean did = ledger.post(Posting.funding(councilId, key, account, Money.ofPence(REGULAR), LocalDate.now(), "Period"));
                        assertThat(did).isEqualTo(posted.add(key));
                        model += did ? REGULAR : 0;
                } else if (action instanceof OneOff o) {
                        String key = "property:" + account + ":one-off:" + o.number();
                        boolean did = ledger.post(Posting.funding(councilId, key, account, Money.ofPence(o.pence()), LocalDate.now(), "One-off"));
                        assertThat(did).isEqualTo(posted.add(key));
                        model += did ? o.pence() : 0;
                } else if (action instanceof Spend s) {
                        String key = "property:" + account + ":spend:" + s.number();
                        boolean did = ledger.post(Posting.spending(councilId, key, account, Money.ofPence(s.pence()), LocalDate.now(), "Spend"));
                        assertThat(did).isEqualTo(posted.add(key));
                        model -= did ? s.pence() : 0;
                } else if (action instanceof Recover r) {
                        long surplus = accounts.find(finance, account).orElseThrow().surplus().surplus().pence();
                        try {
                            var result = recoveries.recover(finance, account, Money.ofPence(r.pence()), "Property test",
                                    "property-" + account + "-" + index);
                            assertThat(result.created()).as("a retry recovers nothing more").isEqualTo(!recovered);
                            if (result.created()) {
                                assertThat(r.pence()).as("recovered no more than the surplus").isLessThanOrEqualTo(surplus);
                                model -= r.pence();
                                recovered = true;
                            }
                        } catch (ValidationProblem tooMuch) {
                            assertThat(r.pence()).as("refused only above the surplus").isGreaterThan(surplus);
                        }
                }
            }
            long balance = ledger.balance(account).pence();
            long sum = jdbc.sql("SELECT coalesce(sum(amount_pence), 0) FROM ledger_leg WHERE book = 'ACCOUNT' AND account_id = :a")
                    .param("a", account).query(Long.class).single();
            assertThat(balance).isEqualTo(sum).isEqualTo(model);
        }
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM (SELECT t.id FROM ledger_transaction t JOIN ledger_leg l ON l.transaction_id = t.id
                        WHERE t.idempotency_key LIKE :prefix GROUP BY t.id HAVING sum(l.amount_pence) <> 0) unbalanced""")
                .param("prefix", "property:" + account + ":%").query(Long.class).single()).isZero();
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM ledger_transaction t WHERE t.idempotency_key LIKE :prefix""")
                .param("prefix", "property:" + account + ":%").query(Long.class).single()).isEqualTo(posted.size());
    }
}
