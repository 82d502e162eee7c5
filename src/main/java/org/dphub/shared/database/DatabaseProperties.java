package org.dphub.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} an embedded PostgreSQL runs inside the application,
 * keeping its files in {@code embedded.dataDir}. {@code poolSize} is how many connections to it an
 * instance holds at most ({@code DPHUB_DATABASE_POOL_SIZE}).
 */
@ConfigurationProperties("dphub.database")
public record DatabaseProperties(String url, String username, String password, Embedded embedded, Replica replica, Integer poolSize) {

    /** Connections an instance holds when nothing says otherwise: enough for 16 requests at once on 2 cores. */
    public static final int DEFAULT_POOL_SIZE = 10;

    /** The most an instance may hold: PostgreSQL's own default allows 100 connections in all. */
    public static final int MAX_POOL_SIZE = 200;

    public DatabaseProperties {
        embedded = embedded == null ? new Embedded(null, 0) : embedded;
        replica = replica == null ? new Replica(null, null, null) : replica;
        poolSize = poolSize == null ? DEFAULT_POOL_SIZE : poolSize;
        if (poolSize < 1 || poolSize > MAX_POOL_SIZE) {
            throw new IllegalArgumentException("DPHUB_DATABASE_POOL_SIZE must be a whole number from 1 to " + MAX_POOL_SIZE
                    + " (connections to PostgreSQL an instance holds at most); it is " + poolSize);
        }
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
