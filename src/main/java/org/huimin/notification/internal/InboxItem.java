package org.huimin.notification.internal;

import java.time.Instant;
import java.util.UUID;

/** One message in a person's in-app inbox. */
public record InboxItem(UUID id, String title, String body, Instant createdAt, Instant readAt) {
}
