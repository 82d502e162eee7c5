/**
 * Help when it is needed (issue 18): "Ask for help" — a person, representative, PA or practitioner
 * asks the council's direct payments team a question of a kind (brokerage, becoming an employer,
 * payroll, a PA problem, money worries, something else); it lands in the team's queue with the
 * person's plan outcomes attached, is assigned (to the person's named contact by default), answered
 * online (the asker told by letter through {@code letters}), and closed with what was done. Days to
 * the first reply are counted in working days against the council's target. The caseload page
 * lists a DP team member's people and those with no named contact yet (the contact itself is part
 * of the person's record, in {@code people}).
 */
package org.dphub.help;
