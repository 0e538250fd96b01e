package org.noticeboard.xapi;

/** An X List. */
public record XList(String id, String name) {}
