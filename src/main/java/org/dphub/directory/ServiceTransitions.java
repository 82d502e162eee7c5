package org.dphub.directory;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every change of a service's status, and nothing else (as {@code PaProfileTransitions}):
 *
 * <pre>
 * from             event            to
 * AWAITING_CHECKS  CHECKS_PASSED    PUBLISHED
 * AWAITING_CHECKS  SUSPENDED        SUSPENDED
 * AWAITING_CHECKS  WITHDRAWN        WITHDRAWN
 * PUBLISHED        CHECKS_PASSED    PUBLISHED   (looked at again after a change: changed_since_check cleared)
 * PUBLISHED        SUSPENDED        SUSPENDED
 * PUBLISHED        WITHDRAWN        WITHDRAWN
 * SUSPENDED        RESTORED         PUBLISHED   (both checks are on record)
 * SUSPENDED        RESTORED_UNCHECKED AWAITING_CHECKS (suspended before it was checked)
 * SUSPENDED        WITHDRAWN        WITHDRAWN
 * </pre>
 *
 * A change by the provider is no event: the status stays as it is (a published service stays live
 * and is marked changed since its check). A withdrawn service is final.
 */
public final class ServiceTransitions {

    public enum Event { CHECKS_PASSED, SUSPENDED, RESTORED, RESTORED_UNCHECKED, WITHDRAWN }

    private static final Map<ServiceStatus, Map<Event, ServiceStatus>> TABLE = new EnumMap<>(ServiceStatus.class);

    static {
        TABLE.put(ServiceStatus.AWAITING_CHECKS, Map.of(
                Event.CHECKS_PASSED, ServiceStatus.PUBLISHED,
                Event.SUSPENDED, ServiceStatus.SUSPENDED,
                Event.WITHDRAWN, ServiceStatus.WITHDRAWN));
        TABLE.put(ServiceStatus.PUBLISHED, Map.of(
                Event.CHECKS_PASSED, ServiceStatus.PUBLISHED,
                Event.SUSPENDED, ServiceStatus.SUSPENDED,
                Event.WITHDRAWN, ServiceStatus.WITHDRAWN));
        TABLE.put(ServiceStatus.SUSPENDED, Map.of(
                Event.RESTORED, ServiceStatus.PUBLISHED,
                Event.RESTORED_UNCHECKED, ServiceStatus.AWAITING_CHECKS,
                Event.WITHDRAWN, ServiceStatus.WITHDRAWN));
    }

    private ServiceTransitions() {
    }

    public static Optional<ServiceStatus> next(ServiceStatus from, Event event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }

    /** Whether a provider may still change the service (not once it is withdrawn). */
    public static boolean editable(ServiceStatus status) {
        return status != ServiceStatus.WITHDRAWN;
    }
}
