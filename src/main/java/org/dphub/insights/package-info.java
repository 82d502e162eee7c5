/**
 * Insights: the figures a council needs about its direct payments (uptake, time to money, ASCOF
 * 3D, money returned, the PA market, monitoring effort, reviews) for a period, each as a chart, a
 * table, a CSV and a sentence, and the Client Level Data extract for NHS England. Council staff
 * only; reads the read-only {@code insights_*} views, never another module's tables, and writes
 * nothing.
 */
package org.dphub.insights;
