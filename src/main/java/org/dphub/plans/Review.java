package org.dphub.plans;

import java.time.LocalDate;

public record Review(long id, long directPaymentId, ReviewReason reason, LocalDate reviewedOn, String working,
                     String notWorking, boolean planToChange, String reviewedBy) {
}
