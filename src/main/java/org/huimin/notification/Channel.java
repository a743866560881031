package org.huimin.notification;

/** How a message reaches a person. */
public enum Channel { IN_APP, SMS }
