package org.dphub.shared.database;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How many times one client address may do something that needs no account within an hour, whoever
 * it is for: sign up as a PA or a provider, ask for a "Forgotten your password?" link (issue 17). A
 * robot at one address cannot make accounts or send emails by the thousand, and each kind's limit is
 * its own setting, named by its module.
 *
 * <p>One table for every kind, {@code address_limit_use}: the kind, the address and the time, nothing
 * else. Each use is counted in a transaction of its own, so one that goes on to fail (an email
 * address already taken) is counted too; rows go after an hour (the hourly job below, on one
 * instance). Two uses at the same moment may both be let through at the limit: the count is there to
 * stop floods, not to be exact.
 */
@Component
public class AddressLimits {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    AddressLimits(JdbcClient jdbc, Clock clock, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /**
     * Counts one use of {@code kind} from {@code clientAddress} and says {@code true}; or, when that
     * address has already used it {@code perHour} times within the hour, counts nothing and says
     * {@code false}. A missing address counts as one address ("").
     */
    public boolean tryTake(String kind, String clientAddress, int perHour) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        Integer taken = ownTransaction.execute(status -> jdbc.sql("""
                        INSERT INTO address_limit_use (kind, client_address, used_at)
                        SELECT :kind, :address, :now
                        WHERE (SELECT count(*) FROM address_limit_use
                               WHERE kind = :kind AND client_address = :address AND used_at > :hourAgo) < :perHour""")
                .param("kind", kind).param("address", clientAddress == null ? "" : clientAddress).param("now", now)
                .param("hourAgo", now.minusHours(1)).param("perHour", perHour).update());
        return taken != null && taken == 1;
    }

    /** Forgets the uses older than an hour, which no limit counts any more (the hourly job). */
    public int forgetOld() {
        return jdbc.sql("DELETE FROM address_limit_use WHERE used_at <= :hourAgo")
                .param("hourAgo", OffsetDateTime.now(clock).minusHours(1)).update();
    }

    /** A limit's setting, checked when the module that has it starts: at least one an hour. */
    public static int perHour(String setting, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(setting + " is " + value + ": set it to 1 or more, how many times one client address "
                    + "may do this within an hour");
        }
        return value;
    }

    @Configuration(proxyBeanMethods = false)
    static class Job {

        /** Hourly, on one instance only (db-scheduler coordinates through the database). */
        @Bean
        RecurringTask<Void> forgetOldAddressLimitUses(AddressLimits limits) {
            return Tasks.recurring("forget-old-address-limit-uses", FixedDelay.of(Duration.ofHours(1)))
                    .execute((instance, context) -> limits.forgetOld());
        }
    }
}
