package org.noticeboard.policy;

/**
 * A URL, mention or hashtag as X recognises it: where it is in the post and its value (a URL as
 * written; a mention's screen name without "@"; a hashtag without "#").
 */
public record TextEntity(Span span, String value) {}
