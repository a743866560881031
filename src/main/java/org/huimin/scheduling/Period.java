package org.huimin.scheduling;

/** The session of a clinic day (上午/下午/晚间). */
public enum Period {
    MORNING, AFTERNOON, EVENING
}
