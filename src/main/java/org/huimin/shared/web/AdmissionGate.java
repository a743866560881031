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
        try {
            chain.doFilter(request, response);
        } finally {
            running.decrementAndGet();
            places.release();
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
