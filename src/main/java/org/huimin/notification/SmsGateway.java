package org.huimin.notification;

/**
 * Port to an SMS operator. The default adapter only records messages; a region plugs in its operator's gateway by
 * providing a bean of this type. Implementations throw to signal a failed attempt, which is retried.
 */
public interface SmsGateway {

    void send(String phone, String text);
}
