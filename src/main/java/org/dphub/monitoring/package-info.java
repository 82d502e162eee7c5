/**
 * Proportionate monitoring: bank and prepaid-card transactions imported (CSV, camt.053) rather
 * than posted in, spending linked to the plan's outcomes, risk-based checks, and friendly letters.
 */
package org.dphub.monitoring;
