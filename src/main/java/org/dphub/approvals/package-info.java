/**
 * Requests that need a decision, with delegated limits: Connect and Enable one-off payments that a
 * practitioner approves up to the council's limit, and a budget holder above it.
 */
package org.dphub.approvals;
