package org.huimin.shared.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.servlet.FilterChain;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

class AdmissionGateTest {

    private static AdmissionGate gate(int places, Duration maxWait) {
        ResourceBundleMessageSource source = new ResourceBundleMessageSource();
        source.setBasename("i18n/messages");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
        Problems problems = new Problems(source);
        return new AdmissionGate(places, maxWait, (request, response, seconds) -> {
            Locale locale = request.getLocale();
            ProblemDetail problem = problems.build(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "problem.overloaded",
                    new Object[] {seconds}, locale);
            response.setStatus(503);
            response.setHeader("Retry-After", Long.toString(seconds));
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write(problem.getType() + "|" + problem.getTitle() + "|" + problem.getDetail());
        });
    }

    private static MockHttpServletRequest api(String path, Locale locale) {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.addPreferredLocale(locale);
        return request;
    }

    @Test
    void byDefaultAsManyPlacesAsTheDatabasePoolHasAndAtMostTwiceTheProcessors() {
        assertThat(AdmissionConfiguration.defaultConcurrency(10, 2)).isEqualTo(4);
        assertThat(AdmissionConfiguration.defaultConcurrency(10, 16)).isEqualTo(10);
        assertThat(AdmissionConfiguration.defaultConcurrency(10, 5)).isEqualTo(10);
        assertThat(AdmissionConfiguration.defaultConcurrency(3, 1)).isEqualTo(2);
        assertThat(AdmissionConfiguration.defaultConcurrency(1, 0)).isEqualTo(1);
    }

    @Test
    void refusesWith503AndRetryAfterWhenNoPlaceFreesInTime() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofMillis(50));
        Holder holder = hold(gate);

        MockHttpServletResponse refused = new MockHttpServletResponse();
        boolean[] reached = {false};
        gate.doFilter(api("/api/v1/appointments", Locale.ENGLISH), refused, (rq, rs) -> reached[0] = true);

        assertThat(reached[0]).as("a refused request never reaches the application").isFalse();
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(refused.getHeader("Retry-After")).isEqualTo("1");
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString()).startsWith(Problems.TYPE_BASE + "overloaded|Service busy|")
                .contains("try again in 1 seconds");
        assertThat(gate.refused()).isEqualTo(1);
        assertThat(gate.running()).isEqualTo(1);
        holder.release();
        assertThat(gate.running()).isZero();
    }

    @Test
    void aRequestThatStepsAsideLetsTheNextInAndFinishesWithoutQueueingAgain() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofSeconds(5));
        CountDownLatch aside = new CountDownLatch(1);
        CountDownLatch secondDone = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        Thread first = new Thread(() -> {
            try {
                gate.doFilter(api("/api/v1/appointments", Locale.ENGLISH), new MockHttpServletResponse(),
                        (rq, rs) -> {
                            String result = AdmissionGate.stepAside(() -> {
                                aside.countDown();
                                try {
                                    secondDone.await(5, TimeUnit.SECONDS); // the batch, done elsewhere
                                } catch (InterruptedException e) {
                                    Thread.currentThread().interrupt();
                                }
                                return "booked";
                            });
                            order.add("first " + result);
                        });
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        first.start();
        assertThat(aside.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(gate.running()).as("aside, the first request is not counted as running").isZero();
        // the gate's one place is free: the second request goes in at once
        MockHttpServletResponse second = new MockHttpServletResponse();
        gate.doFilter(api("/api/v1/slots", Locale.ENGLISH), second, (rq, rs) -> order.add("second"));
        assertThat(second.getStatus()).isEqualTo(200);
        secondDone.countDown();
        first.join(5_000);
        assertThat(order).containsExactly("second", "first booked");
        assertThat(gate.running()).isZero();
        // the place came back and was given back at the end: a request goes in
        Holder holder = hold(gate);
        assertThat(gate.running()).isEqualTo(1);
        holder.release();
        assertThat(AdmissionGate.stepAside(() -> "outside a request")).isEqualTo("outside a request");
    }

    @Test
    void aRequestThatFindsNoPlaceBackFinishesAndGivesBackNothing() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofMillis(50));
        Holder[] other = new Holder[1];
        gate.doFilter(api("/api/v1/appointments", Locale.ENGLISH), new MockHttpServletResponse(), (rq, rs) ->
                AdmissionGate.stepAside(() -> {
                    try {
                        other[0] = hold(gate); // takes the place while this one waits
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                    return null;
                }));
        // the first finished without a place, so it released none: the holder still has the only one
        MockHttpServletResponse refused = new MockHttpServletResponse();
        gate.doFilter(api("/api/v1/slots", Locale.ENGLISH), refused, (rq, rs) -> { });
        assertThat(refused.getStatus()).isEqualTo(503);
        assertThat(gate.running()).isEqualTo(1);
        other[0].release();
        assertThat(gate.running()).isZero();
        MockHttpServletResponse admitted = new MockHttpServletResponse();
        gate.doFilter(api("/api/v1/slots", Locale.ENGLISH), admitted, (rq, rs) -> { });
        assertThat(admitted.getStatus()).isEqualTo(200);
    }

    @Test
    void theRefusalSpeaksChineseByDefault() throws Exception {
        AdmissionGate gate = gate(1, Duration.ZERO);
        Holder holder = hold(gate);
        MockHttpServletResponse refused = new MockHttpServletResponse();
        gate.doFilter(api("/fhir/r4/Slot", Locale.SIMPLIFIED_CHINESE), refused, (rq, rs) -> { });
        assertThat(refused.getContentAsString()).contains("系统繁忙").contains("未做任何更改");
        holder.release();
    }

    @Test
    void waitersAreAdmittedInArrivalOrder() throws Exception {
        AdmissionGate gate = gate(1, Duration.ofSeconds(20));
        List<Integer> order = new CopyOnWriteArrayList<>();
        Holder holder = hold(gate);
        Thread[] waiters = new Thread[5];
        for (int i = 0; i < waiters.length; i++) {
            int n = i;
            waiters[i] = start(() -> run(gate, () -> order.add(n)));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (gate.waiting() < i + 1 && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
        }
        assertThat(gate.waiting()).isEqualTo(5);
        holder.release();
        for (Thread t : waiters) {
            t.join(5_000);
        }
        assertThat(order).containsExactly(0, 1, 2, 3, 4);
        assertThat(gate.refused()).isZero();
    }

    @Test
    void aFailingRequestGivesItsPlaceBack() throws Exception {
        AdmissionGate gate = gate(1, Duration.ZERO);
        FilterChain failing = (rq, rs) -> {
            throw new IllegalStateException("boom");
        };
        assertThatThrownBy(() -> gate.doFilter(api("/api/v1/x", Locale.ENGLISH), new MockHttpServletResponse(), failing))
                .hasMessage("boom");
        assertThat(gate.running()).isZero();
        MockHttpServletResponse ok = new MockHttpServletResponse();
        boolean[] reached = {false};
        gate.doFilter(api("/api/v1/x", Locale.ENGLISH), ok, (rq, rs) -> reached[0] = true);
        assertThat(reached[0]).isTrue();
        assertThat(ok.getStatus()).isEqualTo(200);
    }

    @Test
    void pagesAndAssetsAreNotGated() throws Exception {
        AdmissionGate gate = gate(1, Duration.ZERO);
        Holder holder = hold(gate);
        for (String path : List.of("/", "/console/", "/assets/index-abc.js", "/actuator/health", "/apix")) {
            boolean[] reached = {false};
            gate.doFilter(api(path, Locale.ENGLISH), new MockHttpServletResponse(), (rq, rs) -> reached[0] = true);
            assertThat(reached[0]).as(path).isTrue();
        }
        assertThat(gate.refused()).isZero();
        holder.release();
    }

    @Test
    void needsAtLeastOnePlace() {
        assertThatThrownBy(() -> gate(0, Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> gate(1, Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
    }

    /** A request holding the gate's only place until released. */
    private record Holder(Thread thread, CountDownLatch latch) {
        void release() throws InterruptedException {
            latch.countDown();
            thread.join(5_000);
        }
    }

    private static Holder hold(AdmissionGate gate) throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        Thread thread = start(() -> run(gate, () -> {
            inside.countDown();
            await(release);
        }));
        assertThat(inside.await(5, TimeUnit.SECONDS)).isTrue();
        return new Holder(thread, release);
    }

    private static void run(AdmissionGate gate, Runnable body) {
        try {
            gate.doFilter(api("/api/v1/slots", Locale.ENGLISH), new MockHttpServletResponse(), (rq, rs) -> body.run());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Thread start(Runnable body) {
        Thread thread = new Thread(body);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
