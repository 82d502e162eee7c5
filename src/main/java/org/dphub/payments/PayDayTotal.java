package org.dphub.payments;

import java.time.LocalDate;
import org.dphub.shared.Money;

/** How many payments of a run are paid on a day, and their total. */
public record PayDayTotal(LocalDate day, int count, Money total) {
}
