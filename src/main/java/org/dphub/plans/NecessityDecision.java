package org.dphub.plans;

import java.time.LocalDate;

/** Regulation 3: the council's decision that paying a family member is necessary — who, why, when. */
public record NecessityDecision(String decidedBy, String reason, LocalDate decidedOn) {
}
