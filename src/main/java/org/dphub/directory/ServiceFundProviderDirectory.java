package org.dphub.directory;

import java.util.Optional;
import java.util.UUID;
import org.dphub.plans.ServiceFundProviders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The directory as an individual service fund needs it (issue 18): a provider holding a person's
 * fund must be listed in the council's directory, that is an organisation checked by that council's
 * DP team with at least one published service.
 */
@Component
class ServiceFundProviderDirectory implements ServiceFundProviders {

    private final JdbcClient jdbc;

    ServiceFundProviderDirectory(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> listedName(long councilId, UUID organizationId) {
        if (organizationId == null) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        SELECT o.name FROM directory_organization o
                        WHERE o.id = :id AND o.council_id = :council
                          AND EXISTS (SELECT 1 FROM directory_service s WHERE s.organization_id = o.id AND s.status = 'PUBLISHED')""")
                .param("id", organizationId).param("council", councilId).query(String.class).optional();
    }

    @Override
    public java.util.List<Listed> listed(long councilId) {
        return jdbc.sql("""
                        SELECT o.id, o.name FROM directory_organization o
                        WHERE o.council_id = :council
                          AND EXISTS (SELECT 1 FROM directory_service s WHERE s.organization_id = o.id AND s.status = 'PUBLISHED')
                        ORDER BY o.name, o.id LIMIT 500""")
                .param("council", councilId).query((rs, row) -> new Listed(rs.getObject(1, UUID.class), rs.getString(2))).list();
    }

    @Override
    public Optional<UUID> organizationOf(long userId) {
        return jdbc.sql("SELECT id FROM directory_organization WHERE user_id = :user")
                .param("user", userId).query(UUID.class).optional();
    }
}
