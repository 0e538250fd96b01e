package org.noticeboard.impact;

/**
 * What one run of the metrics collector did: posts asked about, snapshots stored, posts found gone
 * from X, requests made (at most 100 ids each), and accounts left for a later run (not connected,
 * rate-limited, X unavailable).
 */
public record MetricsRun(int postsAsked, int snapshots, int goneFromX, int requests, int accountsDeferred) {}
