/**
 * Identity (一码通): the resident master index keyed by the resident ID number, with encrypted identifiers. Later
 * work adds supplementary documents, probabilistic matching, proxies and the electronic health code.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Identity")
package org.huimin.identity;
