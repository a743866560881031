package org.huimin.directory;

/** The licensed professions the directory lists. */
public enum PractitionerKind { DOCTOR, NURSE, PHARMACIST }
