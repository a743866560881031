package org.huimin.shared.web;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Lets at most {@code concurrency} API requests run at once; the others wait in arrival order (a fair semaphore) for
 * at most {@code maxWait} and are then refused with 503 and {@code Retry-After}.
 * <p>
 * Why: under a flash crowd (the 8 a.m. release) hundreds of requests arrive together, but the database pool has only a
 * handful of connections. Without a gate every request starts, takes CPU for security and JSON, and then queues
 * inside the pool while holding its partial work; the CPU is shared among all of them and every one of them gets slow.
 * With the gate the same work is done one batch at a time: those waiting cost nothing, and those running finish at
 * the speed of an unloaded server. Latency becomes waiting time plus service time instead of service time multiplied
 * by the crowd. Pages and assets are not gated (see {@link #shouldNotFilter}).
 */
public class AdmissionGate extends OncePerRequestFilter {

    /** Writes the refusal: request, response, seconds to wait. */
    public interface Refusal {
        void write(HttpServletRequest request, HttpServletResponse response, long retryAfterSeconds)
                throws IOException;
    }

    private final Semaphore places;
    private final int concurrency;
    private final long maxWaitNanos;
    private final Refusal refusal;
    private final AtomicInteger running = new AtomicInteger();
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicLong refused = new AtomicLong();

    public AdmissionGate(int concurrency, Duration maxWait, Refusal refusal) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("the admission gate needs at least one place");
        }
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("the admission gate's max-wait cannot be negative");
        }
        this.places = new Semaphore(concurrency, true);
        this.concurrency = concurrency;
        this.maxWaitNanos = maxWait.toNanos();
        this.refusal = refusal;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.startsWith("/api/") || path.startsWith("/fhir/"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean admitted;
        waiting.incrementAndGet();
        try {
            admitted = places.tryAcquire(maxWaitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        } finally {
            waiting.decrementAndGet();
        }
        if (!admitted) {
            refused.incrementAndGet();
            refusal.write(request, response, Math.max(1, TimeUnit.NANOSECONDS.toSeconds(maxWaitNanos)));
            return;
        }
        running.incrementAndGet();
        Place place = new Place(this);
        Place outer = CURRENT.get();
        CURRENT.set(place);
        try {
            chain.doFilter(request, response);
        } finally {
            if (outer == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(outer);
            }
            running.decrementAndGet();
            if (place.held) {
                places.release();
            }
        }
    }

    /** The place of the request the current thread is serving, if it came through a gate. */
    private static final ThreadLocal<Place> CURRENT = new ThreadLocal<>();

    /** A request's place in its gate; not held while the request has stepped aside and found no place back. */
    private static final class Place {
        final AdmissionGate gate;
        boolean held = true;

        Place(AdmissionGate gate) {
            this.gate = gate;
        }
    }

    /**
     * Runs {@code waiting} outside the gate: the current request gives its place to the next in line while it waits
     * for work done elsewhere on its behalf (bookings placed together by a worker, which holds the database
     * connection), and afterwards takes a place back if one is free, without queueing again, since all it has left is
     * its response. So the requests inside the gate are the ones using the CPU, and a batch can hold more bookings
     * than the gate has places. Outside a gated request (tests, jobs) it just runs {@code waiting}.
     */
    public static <T> T stepAside(java.util.function.Supplier<T> waiting) {
        Place place = CURRENT.get();
        if (place == null || !place.held) {
            return waiting.get();
        }
        AdmissionGate gate = place.gate;
        place.held = false;
        gate.running.decrementAndGet();
        gate.places.release();
        try {
            return waiting.get();
        } finally {
            place.held = gate.places.tryAcquire(); // a free place, ahead of the line, or none
            gate.running.incrementAndGet();
        }
    }

    public int concurrency() {
        return concurrency;
    }

    /** Requests inside the gate now. */
    public int running() {
        return running.get();
    }

    /** Requests waiting in line now. */
    public int waiting() {
        return waiting.get();
    }

    /** Requests refused since start. */
    public long refused() {
        return refused.get();
    }
}
