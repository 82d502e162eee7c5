package org.dphub.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The database, and its hot standby for {@link ReplicaReads}: a connection for work inside
 * {@code ReplicaReads.run} comes from the standby's pool (read-only), any other from the database's.
 * A standby that cannot be reached is logged (at most once a minute) and the work reads the
 * database instead: a report is slower, never refused.
 */
final class ReplicaRoutingDataSource extends AbstractDataSource implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(ReplicaRoutingDataSource.class);

    private final HikariDataSource primary;
    private final HikariDataSource replica;
    private final AtomicLong lastWarning = new AtomicLong();

    ReplicaRoutingDataSource(HikariDataSource primary, HikariDataSource replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public Connection getConnection() throws SQLException {
        if (ReplicaReads.active()) {
            try {
                return replica.getConnection();
            } catch (SQLException unreachable) {
                long now = System.currentTimeMillis();
                long last = lastWarning.get();
                if (now - last > 60_000 && lastWarning.compareAndSet(last, now)) {
                    log.warn("The standby at {} cannot be reached ({}); reports read the database", replica.getJdbcUrl(),
                            unreachable.getMessage());
                }
            }
        }
        return primary.getConnection();
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return primary.getConnection(username, password);
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T unwrap(Class<T> type) throws SQLException {
        if (type.isInstance(this)) {
            return (T) this;
        }
        return primary.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return type.isInstance(this) || primary.isWrapperFor(type);
    }

    @Override
    public void close() {
        replica.close();
        primary.close();
    }
}
