/**
 * Accounts (账号): logins for staff and residents, roles, organisation bindings, password hashing, bearer tokens,
 * lockout and rate limits, and the HTTP security chain (including an optional external OIDC issuer).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Accounts and security")
package org.huimin.account;
