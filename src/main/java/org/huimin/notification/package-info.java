/**
 * Notifications (消息通知): an outbox delivered by channels — the in-app inbox with live push (SSE) and an SMS port
 * whose default adapter records to a development inbox — with retries and templates in zh-CN and English.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications")
package org.huimin.notification;
