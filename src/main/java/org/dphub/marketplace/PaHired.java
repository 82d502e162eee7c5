package org.dphub.marketplace;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A person hired a PA through an introduction, at an agreed hourly rate (pence) from a start
 * date. Published for the employment module, which starts the employment and pays at this rate.
 */
public record PaHired(long hireId, long councilId, long citizenId, long vacancyId, long profileId, Long paUserId,
                      long agreedHourlyRatePence, BigDecimal hoursPerWeek, LocalDate startDate) {
}
