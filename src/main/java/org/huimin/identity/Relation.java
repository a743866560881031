package org.huimin.identity;

/** How a proxy (代办人) is related to the resident they act for, seen from the proxy: my PARENT, my CHILD... */
public enum Relation {
    PARENT, SPOUSE, CHILD, OTHER
}
