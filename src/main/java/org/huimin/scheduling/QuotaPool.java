package org.huimin.scheduling;

/**
 * Quota pool (号源池): the share of a slot's capacity held for one channel. ONSITE is the share kept for people who come
 * in person, many of them elderly without smartphones. Pools not taken by the flow-back time before the session
 * become open to every channel.
 */
public enum QuotaPool {
    ONLINE, ONSITE, PHONE, FAMILY_DOCTOR, REFERRAL
}
