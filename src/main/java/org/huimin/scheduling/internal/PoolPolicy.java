package org.huimin.scheduling.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.huimin.scheduling.Channel;
import org.huimin.scheduling.QuotaPool;

/**
 * Which quota pools a channel may book from: its own pool until the flow-back time before the session, then every
 * pool (its own first, then the others in a fixed order). The listing counts with the same rule, so what a caller
 * sees as available is exactly what they can book.
 */
final class PoolPolicy {

    private PoolPolicy() {
    }

    /** The pools to try, in order. */
    static List<QuotaPool> pools(Channel channel, Instant now, Instant flowsBackAt) {
        List<QuotaPool> pools = new ArrayList<>();
        pools.add(channel.pool());
        if (!now.isBefore(flowsBackAt)) {
            for (QuotaPool pool : QuotaPool.values()) {
                if (pool != channel.pool()) {
                    pools.add(pool);
                }
            }
        }
        return pools;
    }

    /** Places the channel can take now, given what is left in each pool. */
    static int available(Channel channel, Instant now, Instant flowsBackAt, Map<QuotaPool, Integer> remaining) {
        return pools(channel, now, flowsBackAt).stream().mapToInt(p -> Math.max(0, remaining.getOrDefault(p, 0)))
                .sum();
    }
}
