/**
 * The house every page lives in: layout, GOV.UK component fragments, language switching, error
 * pages, security configuration, and the shapes of form and API errors. Depends on nothing but
 * {@code shared}, so every module may use it.
 */
package org.dphub.web;
