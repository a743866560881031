/**
 * Small, stable building blocks every module may use: paging, problem details, masking, resident ID numbers,
 * personal-data encryption and the current actor. Open module: everything here is API.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package org.huimin.shared;
