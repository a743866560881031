package org.huimin.records;

/**
 * Why a reader may read a resident's record: the resident themself, a confirmed proxy with READ_RECORDS, a clinician
 * in a care relationship, the resident's consent, a break-glass grant, or the institution that sent the data (its own
 * system account, for what it sent).
 */
public enum AccessBasis {
    SELF, PROXY, CARE_RELATIONSHIP, CONSENT, BREAK_GLASS, SOURCE
}
