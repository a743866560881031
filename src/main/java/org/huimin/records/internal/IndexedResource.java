package org.huimin.records.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

import org.huimin.records.ConsentCategory;
import org.huimin.records.RecordKind;

/** The columns derived from one resource at ingest: what searches, consents and the timeline read. */
record IndexedResource(RecordKind kind, Instant effectiveAt, String codes, String categories, String title,
        String valueText, BigDecimal valueNum, String unit, String flag, BigDecimal refLow, BigDecimal refHigh,
        String mainCode, UUID encounterId, ConsentCategory category) {
}
