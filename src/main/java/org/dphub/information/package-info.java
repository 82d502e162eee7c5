/**
 * The public information hub (issue 16, section 2): plain guides about direct payments, a jargon
 * buster, each council's page, people's own words (added with their consent) and search across
 * it all, in English and Welsh, readable without signing in. Council administrators edit the
 * guides and words for their council; every change is a new version, checked by the letters
 * module's wording rules and audited. The shipped text is national (no council).
 */
package org.dphub.information;
