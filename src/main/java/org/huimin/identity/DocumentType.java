package org.huimin.identity;

/**
 * Supplementary identity documents beside the resident ID number. {@code MRN} is an institution's own record number
 * (its issuer is the institution); {@code BIRTH_CERTIFICATE} is the birth medical certificate of a newborn.
 */
public enum DocumentType {
    PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, BIRTH_CERTIFICATE, INSURANCE_NUMBER, MRN
}
