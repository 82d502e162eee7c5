package org.dphub.shared.database;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.Closeable;
import java.io.IOException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A connection pool on the embedded PostgreSQL; closing it stops the server cleanly: the pool
 * first, so no connection is still in use or being checked, then PostgreSQL (a fast shutdown).
 * Spring closes this bean last, after every bean that uses the database has stopped.
 */
public final class EmbeddedDataSource extends DelegatingDataSource implements Closeable {

    private final HikariDataSource pool;
    private final EmbeddedPostgres postgres;

    EmbeddedDataSource(HikariDataSource pool, EmbeddedPostgres postgres) {
        super(pool);
        this.pool = pool;
        this.postgres = postgres;
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl("postgres", "postgres");
    }

    @Override
    public void close() throws IOException {
        pool.close();
        postgres.close();
    }
}
