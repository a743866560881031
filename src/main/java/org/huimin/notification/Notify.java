package org.huimin.notification;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * A request to notify one person with a template. {@code accountId} is needed for {@link Channel#IN_APP},
 * {@code phone} for {@link Channel#SMS}; a channel whose address is missing is skipped.
 */
public record Notify(UUID accountId, String phone, String template, Map<String, String> params,
        Set<Channel> channels, Locale locale) {

    public Notify {
        if (template == null || template.isBlank()) {
            throw new IllegalArgumentException("template must not be blank");
        }
        if (channels == null || channels.isEmpty()) {
            throw new IllegalArgumentException("at least one channel is needed");
        }
        params = params == null ? Map.of() : Map.copyOf(params);
        channels = Set.copyOf(channels);
        locale = locale == null ? Locale.SIMPLIFIED_CHINESE : locale;
    }
}
