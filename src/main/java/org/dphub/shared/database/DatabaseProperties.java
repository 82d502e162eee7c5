package org.dphub.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} an embedded PostgreSQL runs inside the application,
 * keeping its files in {@code embedded.dataDir}.
 */
@ConfigurationProperties("dphub.database")
public record DatabaseProperties(String url, String username, String password, Embedded embedded, Replica replica) {

    public DatabaseProperties {
        embedded = embedded == null ? new Embedded(null, 0) : embedded;
        replica = replica == null ? new Replica(null, null, null) : replica;
    }

    /** Whether reports read from a hot standby ({@code DPHUB_REPLICA_URL}). */
    public boolean useReplica() {
        return replica.url() != null && !replica.url().isBlank();
    }

    public boolean useEmbedded() {
        return url == null || url.isBlank();
    }

    /** @param dataDir folder of the embedded cluster; blank means a new temporary folder
     *  @param port    port to listen on; 0 means any free port */
    public record Embedded(String dataDir, int port) {
    }

    /**
     * A hot standby of the database, fed by PostgreSQL's streaming replication, that reports read
     * from ({@link ReplicaReads}); blank url: none, everything reads the database.
     */
    public record Replica(String url, String username, String password) {
    }
}
