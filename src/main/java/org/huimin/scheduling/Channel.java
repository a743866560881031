package org.huimin.scheduling;

/** How a booking is made; each channel books from its own quota pool first. */
public enum Channel {
    /** The resident (or a proxy) in the app or on the web. */
    APP(QuotaPool.ONLINE),
    /** Staff at a registration window or kiosk, for walk-ins and residents without phones. */
    WINDOW(QuotaPool.ONSITE),
    /** Staff taking a phone call (电话预约). */
    PHONE(QuotaPool.PHONE),
    /** A family doctor booking for a contracted resident. */
    FAMILY_DOCTOR(QuotaPool.FAMILY_DOCTOR),
    /** A primary-care doctor referring a patient upwards (双向转诊). */
    REFERRAL(QuotaPool.REFERRAL);

    private final QuotaPool pool;

    Channel(QuotaPool pool) {
        this.pool = pool;
    }

    /** The pool this channel books from before the pools flow back. */
    public QuotaPool pool() {
        return pool;
    }
}
