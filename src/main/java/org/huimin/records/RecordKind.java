package org.huimin.records;

/**
 * What a record item is to a reader of the timeline. {@code BILLING} (claims, explanations of benefit) is kept for
 * completeness of the FHIR record but left out of the resident's clinical timeline.
 */
public enum RecordKind {
    VISIT, DIAGNOSIS, LAB, VITAL, IMAGING, REPORT, MEDICATION, IMMUNIZATION, ALLERGY, PROCEDURE, CARE_PLAN, DOCUMENT,
    BILLING, OTHER
}
