package org.huimin.identity;

/**
 * A master-index entry's state: {@code ACTIVE} when real-name identified by an ID number, {@code UNVERIFIED} when it
 * arrived without one (newborn, visitor, hospital feed), {@code MERGED} when it was found to be the same person as
 * another entry, which then answers for it.
 */
public enum ResidentStatus {
    ACTIVE, UNVERIFIED, MERGED
}
