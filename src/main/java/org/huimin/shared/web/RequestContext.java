package org.huimin.shared.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** The client address and path of the current HTTP request, when there is one. */
public final class RequestContext {

    private RequestContext() {
    }

    public static String clientIp() {
        HttpServletRequest request = current();
        return request == null ? null : request.getRemoteAddr();
    }

    public static String path() {
        HttpServletRequest request = current();
        return request == null ? null : request.getRequestURI();
    }

    private static HttpServletRequest current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs
                ? attrs.getRequest() : null;
    }
}
