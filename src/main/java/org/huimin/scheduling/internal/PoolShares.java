package org.huimin.scheduling.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.huimin.scheduling.QuotaPool;

/**
 * How a slot's capacity is split into quota pools: percentages per pool summing to 100, written
 * {@code ONLINE:50,ONSITE:20,REFERRAL:20,FAMILY_DOCTOR:5,PHONE:5}. Splitting uses the largest-remainder method, so
 * the pools always add up to the capacity exactly.
 */
public record PoolShares(Map<QuotaPool, Integer> percent) {

    public PoolShares {
        percent = Collections.unmodifiableMap(new EnumMap<>(percent));
    }

    public static PoolShares parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("pool shares must not be blank");
        }
        Map<QuotaPool, Integer> shares = new EnumMap<>(QuotaPool.class);
        for (String part : text.split(",")) {
            String[] kv = part.strip().split(":");
            if (kv.length != 2) {
                throw new IllegalArgumentException("pool share must be POOL:percent: " + part);
            }
            QuotaPool pool;
            int value;
            try {
                pool = QuotaPool.valueOf(kv[0].strip().toUpperCase(java.util.Locale.ROOT));
                value = Integer.parseInt(kv[1].strip());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("unknown pool or bad percentage: " + part, e);
            }
            if (value < 0 || shares.put(pool, value) != null) {
                throw new IllegalArgumentException("negative or repeated pool share: " + part);
            }
        }
        if (shares.values().stream().mapToInt(Integer::intValue).sum() != 100) {
            throw new IllegalArgumentException("pool shares must add up to 100: " + text);
        }
        return new PoolShares(shares);
    }

    /** Capacity per pool, summing exactly to {@code capacity}; pools with no share are left out. */
    public Map<QuotaPool, Integer> split(int capacity) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity must not be negative");
        }
        Map<QuotaPool, Integer> result = new EnumMap<>(QuotaPool.class);
        List<QuotaPool> byRemainder = new ArrayList<>();
        int given = 0;
        for (var e : percent.entrySet()) {
            if (e.getValue() == 0) {
                continue;
            }
            int share = capacity * e.getValue() / 100;
            result.put(e.getKey(), share);
            given += share;
            byRemainder.add(e.getKey());
        }
        // the largest remainders get the rest; ties go to the larger share, then the pool order
        byRemainder.sort((a, b) -> {
            int ra = capacity * percent.get(a) % 100;
            int rb = capacity * percent.get(b) % 100;
            return ra != rb ? Integer.compare(rb, ra) : !percent.get(a).equals(percent.get(b))
                    ? Integer.compare(percent.get(b), percent.get(a)) : a.compareTo(b);
        });
        for (int i = 0; given < capacity; i++, given++) {
            QuotaPool pool = byRemainder.get(i % byRemainder.size());
            result.merge(pool, 1, Integer::sum);
        }
        return result;
    }

    public String format() {
        return String.join(",", percent.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList());
    }
}
