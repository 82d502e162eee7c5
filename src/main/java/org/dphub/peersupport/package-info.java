/**
 * Peer support (issue 18): moderated question-and-answer boards — one national board for employers
 * and representatives (each post shows the poster's council area), one board per council for its
 * practitioners, budget holders and DP team. Answers are marked helpful; anyone who reads a post can
 * report it; the DP team of the poster's council hides or restores it (with a reason, kept as
 * append-only history) and locks questions. Before anything is posted, {@link org.dphub.peersupport.PersonalDataCheck}
 * looks for personal data and refuses or asks the poster to confirm.
 */
package org.dphub.peersupport;
