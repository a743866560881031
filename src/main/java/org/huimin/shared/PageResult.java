package org.huimin.shared;

import java.util.List;
import java.util.function.Function;

/** One page of a list: the items, the total across all pages, the page index (from 0) and its size. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

    public <R> PageResult<R> map(Function<? super T, ? extends R> mapper) {
        return new PageResult<>(items.stream().<R>map(mapper).toList(), total, page, size);
    }
}
