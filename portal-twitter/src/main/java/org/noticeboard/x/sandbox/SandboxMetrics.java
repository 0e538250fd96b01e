package org.noticeboard.x.sandbox;

/** A post's public engagement counts, as X reports them in {@code public_metrics}. */
public record SandboxMetrics(long likes, long reposts, long replies, long quotes, long bookmarks, long impressions) {

    public static final SandboxMetrics NONE = new SandboxMetrics(0, 0, 0, 0, 0, 0);
}
