/**
 * Directory (机构与人员目录): organisations of every type and level, their departments (standard department codes),
 * practitioners with licences and where they practise, and the public lookup of institutions, doctors and nurses.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory")
package org.huimin.directory;
