package org.dphub.directory;

import static org.assertj.core.api.Assertions.assertThat;

import org.dphub.directory.ServiceTransitions.Event;
import org.junit.jupiter.api.Test;

/** The service's status moves only as its table says. */
class ServiceTransitionsTest {

    @Test
    void aServiceIsPublishedOnlyAfterItsChecks() {
        assertThat(ServiceTransitions.next(ServiceStatus.AWAITING_CHECKS, Event.CHECKS_PASSED)).hasValue(ServiceStatus.PUBLISHED);
        assertThat(ServiceTransitions.next(ServiceStatus.PUBLISHED, Event.CHECKS_PASSED)).hasValue(ServiceStatus.PUBLISHED);
        assertThat(ServiceTransitions.next(ServiceStatus.SUSPENDED, Event.CHECKS_PASSED)).isEmpty();
        assertThat(ServiceTransitions.next(ServiceStatus.WITHDRAWN, Event.CHECKS_PASSED)).isEmpty();
    }

    @Test
    void aSuspendedServiceComesBackPublishedOnlyWhenItWasChecked() {
        assertThat(ServiceTransitions.next(ServiceStatus.PUBLISHED, Event.SUSPENDED)).hasValue(ServiceStatus.SUSPENDED);
        assertThat(ServiceTransitions.next(ServiceStatus.AWAITING_CHECKS, Event.SUSPENDED)).hasValue(ServiceStatus.SUSPENDED);
        assertThat(ServiceTransitions.next(ServiceStatus.SUSPENDED, Event.RESTORED)).hasValue(ServiceStatus.PUBLISHED);
        assertThat(ServiceTransitions.next(ServiceStatus.SUSPENDED, Event.RESTORED_UNCHECKED)).hasValue(ServiceStatus.AWAITING_CHECKS);
        assertThat(ServiceTransitions.next(ServiceStatus.PUBLISHED, Event.RESTORED)).isEmpty();
        assertThat(ServiceTransitions.next(ServiceStatus.SUSPENDED, Event.SUSPENDED)).isEmpty();
    }

    @Test
    void aWithdrawnServiceIsFinal() {
        for (ServiceStatus from : new ServiceStatus[] {ServiceStatus.AWAITING_CHECKS, ServiceStatus.PUBLISHED, ServiceStatus.SUSPENDED}) {
            assertThat(ServiceTransitions.next(from, Event.WITHDRAWN)).hasValue(ServiceStatus.WITHDRAWN);
        }
        for (Event event : Event.values()) {
            assertThat(ServiceTransitions.next(ServiceStatus.WITHDRAWN, event)).isEmpty();
        }
        assertThat(ServiceTransitions.editable(ServiceStatus.WITHDRAWN)).isFalse();
        assertThat(ServiceTransitions.editable(ServiceStatus.PUBLISHED)).isTrue();
    }
}
