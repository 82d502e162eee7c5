package org.dphub.insights.internal;

import java.util.function.Supplier;
import org.dphub.shared.database.ReplicaReads;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Each figure is worked out in a read-only transaction of its own, with two settings for that
 * transaction alone. {@code plan_cache_mode = force_custom_plan}: the JDBC driver prepares a statement
 * on the server once it has run five times, and PostgreSQL may then keep one generic plan for every
 * council and period — estimated from a few thousand rows, it chose index scans and a sort on disk for
 * a council of 250,000 direct payments (uptake: 5.0 s against 1.6 s planned for its own numbers;
 * docs/PERFORMANCE.md). Planning each time costs a few milliseconds. {@code work_mem = 64MB}: the
 * figures group a council's people in memory (uptake's 620,000 groups spilled to disk at 32 MB).
 * With a hot standby ({@code DPHUB_REPLICA_URL}) the figures read from it ({@link ReplicaReads}):
 * a period's figures are as right a second later, and the database is left to the people's pages.
 */
@Component
public class FigureTransactions {

    private final JdbcClient jdbc;
    private final TransactionTemplate readOnly;

    FigureTransactions(JdbcClient jdbc, PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.readOnly = new TransactionTemplate(transactions);
        this.readOnly.setReadOnly(true);
    }

    public <N> N run(Supplier<N> figure) {
        return ReplicaReads.run(() -> readOnly.execute(status -> {
            jdbc.sql("SELECT set_config('plan_cache_mode', 'force_custom_plan', true), set_config('work_mem', '64MB', true)")
                    .query().singleRow();
            return figure.get();
        }));
    }
}
