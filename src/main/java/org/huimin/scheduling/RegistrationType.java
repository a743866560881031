package org.huimin.scheduling;

/** Registration type (号别) with its fee: general (普通), expert (专家) or special-needs (特需). */
public enum RegistrationType {
    GENERAL, EXPERT, SPECIAL
}
