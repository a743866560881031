package org.huimin.directory.fhir;

import java.util.Date;
import java.util.List;
import java.util.function.BiFunction;

import ca.uhn.fhir.rest.api.server.IBundleProvider;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;

/**
 * A search result that fetches only the page HAPI asks for, so a search over a large directory never loads it all.
 * {@code fetch} takes (offset, count) and returns the resources of that window.
 */
final class PagedBundle implements IBundleProvider {

    private final int total;
    private final BiFunction<Integer, Integer, List<IBaseResource>> fetch;
    private final InstantType published = InstantType.now();

    PagedBundle(long total, BiFunction<Integer, Integer, List<IBaseResource>> fetch) {
        this.total = (int) Math.min(Integer.MAX_VALUE, total);
        this.fetch = fetch;
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int from = Math.max(0, fromIndex);
        int to = Math.min(total, toIndex);
        return to <= from ? List.of() : fetch.apply(from, to - from);
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return 20;
    }

    @Override
    public Integer size() {
        return total;
    }
}
