package org.huimin.identity;

/** Where a health code is scanned; the resident's scan history names it. */
public enum Scene {
    REGISTRATION, CONSULTATION, PAYMENT, PHARMACY, VACCINATION, RECORD_LOOKUP, ENTRY
}
