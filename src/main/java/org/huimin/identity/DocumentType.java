package org.huimin.identity;

/**
 * Supplementary identity documents beside the resident ID number. {@code MRN} is an institution's own record number
 * (its issuer is the institution); {@code BIRTH_CERTIFICATE} is the birth medical certificate of a newborn;
 * {@code EXTERNAL} is an identifier that an institution's system sent over FHIR, kept with that system's URI as its
 * issuer so that the same {@code system|value} finds the resident again.
 */
public enum DocumentType {
    PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT, BIRTH_CERTIFICATE, INSURANCE_NUMBER, MRN, EXTERNAL
}
