package org.huimin.records.fhir;

import ca.uhn.fhir.rest.annotation.Transaction;
import ca.uhn.fhir.rest.annotation.TransactionParam;

import org.hl7.fhir.r4.model.Bundle;
import org.huimin.fhir.PlainProvider;
import org.huimin.records.internal.BundleIngest;
import org.springframework.stereotype.Component;

/** {@code POST /fhir/r4} with a transaction or batch bundle from an institution's system account. */
@Component
class IngestProvider implements PlainProvider {

    private final BundleIngest ingest;

    IngestProvider(BundleIngest ingest) {
        this.ingest = ingest;
    }

    @Transaction
    public Bundle transaction(@TransactionParam Bundle bundle) {
        return ingest.process(bundle);
    }
}
