/**
 * Shared health record (健康档案/电子病历调阅共享): FHIR R4 resources that institutions' systems send, kept per
 * resident across institutions; residents and their proxies read their lifelong record and see who read it;
 * clinicians read it with a care relationship, the resident's consent (授权, by category, with expiry) or an audited,
 * time-limited break-glass grant (紧急调阅) that the institution's auditor reviews.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Records")
package org.huimin.records;
