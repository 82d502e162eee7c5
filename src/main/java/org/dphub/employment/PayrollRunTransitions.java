package org.dphub.employment;

import java.util.Map;
import java.util.Optional;

/**
 * The states of a payroll run, as a table. A run is made (its payslips written) in one step; the
 * employer approves it once, which sends the money to the ledger. Nothing goes back: a mistake is
 * put right in the next period's run.
 *
 * <pre>
 * from               event    to
 * AWAITING_APPROVAL  APPROVE  APPROVED
 * </pre>
 */
public final class PayrollRunTransitions {

    public enum Event { APPROVE }

    private static final Map<PayrollRun.Status, Map<Event, PayrollRun.Status>> TABLE = Map.of(
            PayrollRun.Status.AWAITING_APPROVAL, Map.of(Event.APPROVE, PayrollRun.Status.APPROVED));

    private PayrollRunTransitions() {
    }

    public static Optional<PayrollRun.Status> next(PayrollRun.Status from, Event event) {
        return Optional.ofNullable(TABLE.getOrDefault(from, Map.of()).get(event));
    }
}
