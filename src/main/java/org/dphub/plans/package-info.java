/**
 * Care and support plans (versioned), personal budgets computed exactly, direct payment
 * requests checked against the law's rules, the direct payment agreement, and reviews.
 */
package org.dphub.plans;
