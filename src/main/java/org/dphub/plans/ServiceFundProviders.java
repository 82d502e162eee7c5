package org.dphub.plans;

import java.util.Optional;
import java.util.UUID;

/**
 * The community directory's providers, as a plan needs them for individual service funds (issue 18):
 * the provider holding a fund must be an organisation listed in the council's directory. The
 * directory module implements it; plans (and payments) know only this interface, so the dependency
 * runs one way (directory on plans), as {@link OutcomeDirectory} does.
 */
public interface ServiceFundProviders {

    /**
     * The organisation's name if it is listed in this council's directory (it has a published
     * service); empty for an unknown id, an organisation with nothing published, or another council's.
     */
    Optional<String> listedName(long councilId, UUID organizationId);

    /** An organisation listed in a council's directory. */
    record Listed(UUID id, String name) {
    }

    /** Every organisation listed in this council's directory, by name (for choosing an ISF provider on the plan form). */
    java.util.List<Listed> listed(long councilId);

    /** The organisation a provider user signed up (empty for anyone else). */
    Optional<UUID> organizationOf(long userId);
}
