/**
 * Money: direct payment accounts opened when a direct payment becomes active, their payment
 * schedules, the append-only double-entry ledger, and surplus.
 */
package org.dphub.payments;
