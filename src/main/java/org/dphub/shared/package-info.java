/**
 * Small types every module may use: {@link org.dphub.shared.Money}, postcodes and distances,
 * roles and the signed-in user, and the database and logging set-up.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.dphub.shared;
