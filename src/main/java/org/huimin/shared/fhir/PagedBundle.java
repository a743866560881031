package org.huimin.shared.fhir;

import java.util.Date;
import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;

import ca.uhn.fhir.rest.api.server.IBundleProvider;

import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.InstantType;
import org.huimin.shared.PageRequest;
import org.huimin.shared.PageResult;

/**
 * A FHIR search result that fetches only the pages HAPI asks for, so a search over a large table never loads it all.
 * The first page is queried up front: it gives the total and serves the usual first request without a second query.
 */
public final class PagedBundle<T> implements IBundleProvider {

    private static final int FIRST_PAGE = 20;

    private final Function<PageRequest, PageResult<T>> query;
    private final Function<T, ? extends IBaseResource> toFhir;
    private final Predicate<T> keep;
    private final PageResult<T> first;
    private final InstantType published = InstantType.now();

    /** {@code keep} filters what SQL cannot express (FHIR {@code :exact}); it may make {@link #size()} an overcount. */
    public PagedBundle(Function<PageRequest, PageResult<T>> query, Function<T, ? extends IBaseResource> toFhir,
            Predicate<T> keep) {
        this.query = query;
        this.toFhir = toFhir;
        this.keep = keep;
        this.first = query.apply(new PageRequest(0, FIRST_PAGE));
    }

    public static <T> PagedBundle<T> empty() {
        return new PagedBundle<T>(page -> new PageResult<>(List.of(), 0, page.page(), page.size()), t -> null,
                t -> false);
    }

    @Override
    public IPrimitiveType<Date> getPublished() {
        return published;
    }

    @Override
    public List<IBaseResource> getResources(int fromIndex, int toIndex) {
        int from = Math.max(0, fromIndex);
        int to = Math.min(size(), toIndex);
        if (to <= from) {
            return List.of();
        }
        List<T> rows = to <= first.items().size() ? first.items().subList(from, to)
                : window(from, to - from, query);
        return rows.stream().filter(keep).<IBaseResource>map(toFhir).toList();
    }

    /** Fetches the window [offset, offset + count) through a page-based query. */
    static <T> List<T> window(int offset, int count, Function<PageRequest, PageResult<T>> query) {
        if (offset % count == 0) {
            return query.apply(new PageRequest(offset / count, count)).items();
        }
        List<T> wider = query.apply(new PageRequest(0, Math.min(PageRequest.MAX_SIZE, offset + count))).items();
        return wider.subList(Math.min(offset, wider.size()), Math.min(offset + count, wider.size()));
    }

    @Override
    public String getUuid() {
        return null;
    }

    @Override
    public Integer preferredPageSize() {
        return FIRST_PAGE;
    }

    @Override
    public Integer size() {
        return (int) Math.min(Integer.MAX_VALUE, first.total());
    }
}
