/**
 * "Working / not working" feedback (issue 16, section 3): Social Care Future's person-centred tool
 * as a short survey. A council's DP team or administrator starts a round and invites direct
 * payment holders, representatives, PAs and staff (holders by a letter or email through
 * {@code letters}); each invited person answers once, by stage, named or anonymously (then no user
 * id is kept with the answer). Council staff see the results for their coproduction board: counts
 * and average ratings by stage, trends by quarter, and the comments with names and numbers masked.
 */
package org.dphub.feedback;
