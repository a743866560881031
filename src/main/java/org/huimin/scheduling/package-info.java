/**
 * Scheduling (分时段预约诊疗): weekly templates generate sessions and time slots; each slot's capacity is split into
 * quota pools (号源池) by channel; residents, their proxies, window and phone staff, family doctors and referring
 * primary-care doctors book from one region-wide pool of slots; smart triage (智能导医) suggests the department.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Scheduling")
package org.huimin.scheduling;
