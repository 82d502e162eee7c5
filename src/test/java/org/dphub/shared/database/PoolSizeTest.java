package org.dphub.shared.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * {@code DPHUB_DATABASE_POOL_SIZE}: how many connections to PostgreSQL an instance holds at most. A
 * council with more cores (and more threads, {@code DPHUB_MAX_THREADS}) raises it; a value out of
 * range stops the start with a message that says what to set. Bound as Spring Boot binds it, and the
 * pool made as the application makes it (a pool only connects when first asked, so none is needed).
 */
class PoolSizeTest {

    static DatabaseProperties bind(Map<String, String> settings) {
        return new Binder(new MapConfigurationPropertySource(settings)).bindOrCreate("dphub.database", DatabaseProperties.class);
    }

    static int poolOf(DatabaseProperties properties) throws Exception {
        DataSource made = new EmbeddedPostgresConfiguration().dataSource(properties);
        try (HikariDataSource pool = (HikariDataSource) made) {
            return pool.getMaximumPoolSize();
        }
    }

    @Test
    void tenConnectionsUnlessSetAndTheNumberSetOtherwise() throws Exception {
        String url = "jdbc:postgresql://localhost:1/dphub";
        assertThat(poolOf(bind(Map.of("dphub.database.url", url)))).isEqualTo(10);
        assertThat(poolOf(bind(Map.of("dphub.database.url", url, "dphub.database.pool-size", "32")))).isEqualTo(32);
    }

    @Test
    void aNumberOutOfRangeOrNotANumberIsRefusedSayingWhatToSet() {
        String url = "jdbc:postgresql://localhost:1/dphub";
        for (String bad : new String[] {"0", "-5", "201"}) {
            assertThatThrownBy(() -> bind(Map.of("dphub.database.url", url, "dphub.database.pool-size", bad)))
                    .as(bad).isInstanceOf(BindException.class)
                    .satisfies(e -> assertThat(describe(e)).contains("DPHUB_DATABASE_POOL_SIZE must be a whole number from 1 to 200")
                            .contains("it is " + bad));
        }
        for (String bad : new String[] {"1e9", "ten", "99999999999"}) {
            assertThatThrownBy(() -> bind(Map.of("dphub.database.url", url, "dphub.database.pool-size", bad)))
                    .as(bad).isInstanceOf(BindException.class)
                    .satisfies(e -> assertThat(describe(e)).contains("dphub.database.pool-size"));
        }
    }

    static String describe(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t.getMessage()).append('\n');
        }
        return all.toString();
    }
}
