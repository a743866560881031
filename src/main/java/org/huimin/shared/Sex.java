package org.huimin.shared;

/** Administrative sex as recorded on identity documents (GB/T 2261.1: 1 male, 2 female). */
public enum Sex { MALE, FEMALE, UNKNOWN }
