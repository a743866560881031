package org.huimin.scheduling.internal;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How bookings are placed together ({@code huimin.scheduling.batch.*}, see {@link BookingBatches}).
 *
 * @param size    at most this many bookings in one transaction; 1 places every booking alone
 * @param workers this many transactions of bookings at once (each holds one database connection while it runs);
 *                one makes the largest batches, and in a crowd batches would mostly wait for each other's pool rows
 */
@ConfigurationProperties("huimin.scheduling.batch")
public record BookingBatchProperties(@DefaultValue("32") int size, @DefaultValue("1") int workers) {

    public BookingBatchProperties {
        if (size < 1 || size > 500) {
            throw new IllegalArgumentException("huimin.scheduling.batch.size must be between 1 and 500");
        }
        if (workers < 1 || workers > 64) {
            throw new IllegalArgumentException("huimin.scheduling.batch.workers must be between 1 and 64");
        }
    }
}
