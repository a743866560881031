package org.huimin.notification.internal;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.ResourceBundleMessageSource;
import org.springframework.stereotype.Component;

/** Message templates per language ({@code notification/templates*.properties}) with {@code {name}} placeholders. */
@Component
class Templates {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private final ResourceBundleMessageSource source = new ResourceBundleMessageSource();

    Templates() {
        source.setBasename("notification/templates");
        source.setDefaultEncoding("UTF-8");
        source.setFallbackToSystemLocale(false);
    }

    Rendered render(String template, Map<String, String> params, Locale locale) {
        try {
            return new Rendered(fill(source.getMessage(template + ".title", null, locale), params),
                    fill(source.getMessage(template + ".body", null, locale), params));
        } catch (NoSuchMessageException e) {
            throw new IllegalArgumentException("unknown notification template " + template, e);
        }
    }

    static String fill(String text, Map<String, String> params) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String value = params.get(m.group(1));
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    record Rendered(String title, String body) {
    }
}
