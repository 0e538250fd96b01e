package org.noticeboard.xapi;

import org.jspecify.annotations.Nullable;

/** A post's {@code public_metrics}; impressions are only there when X gives them. */
public record XMetrics(int likes, int reposts, int replies, int quotes, @Nullable Long impressions) {}
