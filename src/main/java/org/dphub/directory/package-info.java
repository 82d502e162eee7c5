/**
 * The community directory: organisations (micro-enterprises, community groups, PA agencies) and
 * their services, described as Open Referral UK 3.0 describes them, with the outcomes and needs each
 * serves as taxonomy terms; the DP team's checks before a service is published; search for
 * everyone; the public Open Referral UK API and feed import; requests for payment from providers
 * and buying together. Money moves only through {@code payments}' public face: this module never
 * writes the ledger.
 */
package org.dphub.directory;
