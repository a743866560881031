package org.huimin.notification.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Live push of in-app messages to the browsers an account has open on this node (Server-Sent Events). A browser that
 * misses a push still finds the message in its inbox; across nodes the inbox is the source of truth.
 */
@Component
public class InboxStreams {

    private static final Duration TIMEOUT = Duration.ofMinutes(30);
    private final Map<UUID, Set<SseEmitter>> emitters = new ConcurrentHashMap<>();

    /** Opens a stream for {@code accountId} and first sends {@code missed} (oldest first). */
    public SseEmitter open(UUID accountId, java.util.List<InboxItem> missed) {
        SseEmitter emitter = new SseEmitter(TIMEOUT.toMillis());
        emitters.computeIfAbsent(accountId, k -> ConcurrentHashMap.newKeySet()).add(emitter);
        Runnable remove = () -> emitters.computeIfPresent(accountId, (k, set) -> {
            set.remove(emitter);
            return set.isEmpty() ? null : set;
        });
        emitter.onCompletion(remove);
        emitter.onTimeout(remove);
        emitter.onError(e -> remove.run());
        try {
            emitter.send(SseEmitter.event().comment("connected"));
            for (InboxItem item : missed) {
                emitter.send(event(item));
            }
        } catch (IOException e) {
            remove.run();
        }
        return emitter;
    }

    void push(UUID accountId, InboxItem item) {
        if (accountId == null) {
            return;
        }
        for (SseEmitter emitter : emitters.getOrDefault(accountId, Set.of())) {
            try {
                emitter.send(event(item));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }
    }

    private static SseEmitter.SseEventBuilder event(InboxItem item) {
        return SseEmitter.event().name("notification").id(item.id().toString()).data(item);
    }

    /** Keeps idle connections open through proxies that close silent ones. */
    @Scheduled(fixedDelay = 25_000)
    void ping() {
        emitters.values().forEach(set -> set.forEach(emitter -> {
            try {
                emitter.send(SseEmitter.event().comment("ping"));
            } catch (IOException | IllegalStateException e) {
                emitter.completeWithError(e);
            }
        }));
    }

    /**
     * Ends every open stream when the application shuts down. The event comes before the web server's graceful
     * shutdown, which would otherwise wait for these long-lived requests; browsers reconnect to another node.
     */
    @org.springframework.context.event.EventListener(org.springframework.context.event.ContextClosedEvent.class)
    void closeAll() {
        emitters.values().forEach(set -> set.forEach(SseEmitter::complete));
        emitters.clear();
    }

    int openStreams() {
        return emitters.values().stream().mapToInt(Set::size).sum();
    }
}
