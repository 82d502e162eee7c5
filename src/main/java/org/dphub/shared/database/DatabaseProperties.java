package org.dphub.shared.database;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the data lives. With no {@code url} an embedded PostgreSQL runs inside the application,
 * keeping its files in {@code embedded.dataDir}.
 */
@ConfigurationProperties("dphub.database")
public record DatabaseProperties(String url, String username, String password, Embedded embedded) {

    public DatabaseProperties {
        embedded = embedded == null ? new Embedded(null, 0) : embedded;
    }

    public boolean useEmbedded() {
        return url == null || url.isBlank();
    }

    /** @param dataDir folder of the embedded cluster; blank means a new temporary folder
     *  @param port    port to listen on; 0 means any free port */
    public record Embedded(String dataDir, int port) {
    }
}
