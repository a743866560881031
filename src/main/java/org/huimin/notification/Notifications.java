package org.huimin.notification;

import java.util.List;
import java.util.UUID;

/**
 * Queues messages in the outbox, in the caller's transaction: a message is sent only if the caller's work commits.
 */
public interface Notifications {

    /** Renders the template and queues one message per usable channel; returns their ids. */
    List<UUID> send(Notify request);

    /** As {@link #send} for each request, in one round trip to the database (a JDBC batch); returns all the ids. */
    List<UUID> sendAll(List<Notify> requests);
}
