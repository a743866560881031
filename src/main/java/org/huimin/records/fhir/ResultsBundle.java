package org.huimin.records.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;

import ca.uhn.fhir.rest.api.server.IBundleProvider;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Resource;
import org.huimin.records.internal.RecordReader;

/** A search result that reads only the window HAPI asks for; an optional head resource (the Patient) comes first. */
final class ResultsBundle implements IBundleProvider {

    private final RecordReader.Results results;
    private final Resource head;
    private final InstantType published = InstantType.now();
    private final Integer preferredPageSize;
    private final java.util.Set<String> includes;

    ResultsBundle(RecordReader.Results results, Resource head, Integer preferredPageSize) {
        this(results, head, preferredPageSize, java.util.Set.of());
    }

    /** {@code includes}: the reference elements whose targets are added to each page ({@code _include}). */
    ResultsBundle(RecordReader.Results results, Resource head, Integer preferredPageSize,
            java.util.Set<String> includes) {
        this.results = results;
        this.head = head;
        this.preferredPageSize = preferredPageSize;
        this.includes = includes;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int shift = head == null ? 0 : 1;
        int from = Math.max(0, fromIndex);
        int to = Math.min(size(), toIndex);
        List<IBaseResource> out = new ArrayList<>();
        if (to <= from) {
            return out;
        }
        if (head != null && from == 0) {
            out.add(head);
        }
        int offset = Math.max(0, from - shift);
        int limit = to - Math.max(from, shift);
        if (limit > 0) {
            List<Resource> page = results.window(offset, limit);
            for (Resource r : page) {
                ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r,
                        ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.MATCH);
                out.add(r);
            }
            if (!includes.isEmpty()) {
                for (Resource r : results.included(page, includes)) {
                    ca.uhn.fhir.model.api.ResourceMetadataKeyEnum.ENTRY_SEARCH_MODE.put(r,
                            ca.uhn.fhir.model.valueset.BundleEntrySearchModeEnum.INCLUDE);
                    out.add(r);
                }
            }
        }
        return out;
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return preferredPageSize;
    }

    @Override
    public Integer size() {
        return results.total() + (head == null ? 0 : 1);
    }
}
