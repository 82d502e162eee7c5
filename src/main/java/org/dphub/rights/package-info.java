/**
 * Personal-data rights (issue 17, UK GDPR): a person's whole record for a subject access request
 * (article 15) as JSON or an accessible PDF, collected from every module's
 * {@link org.dphub.shared.personaldata.PersonalDataSource}; erasure (article 17) of what no law keeps,
 * refused while money is still held; and the retention job that anonymises the money records kept
 * at erasure once 6 years have passed since the direct payment ended. See docs/PRIVACY.md.
 */
package org.dphub.rights;
