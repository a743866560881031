package org.huimin.identity;

/** What a confirmed proxy may do for a relative; the relative (or a guardian for a child) chooses. */
public enum ProxyPermission {
    SHOW_CODE, BOOK, PAY, READ_RECORDS
}
