/**
 * Demo data: two councils (an English county and a Welsh county), their people, PAs and one
 * account for every role. Loaded on an empty embedded database, or when DPHUB_DEMO_DATA=true.
 */
package org.dphub.demo;
