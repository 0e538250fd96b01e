package org.noticeboard.inbox;

import org.jspecify.annotations.Nullable;

/**
 * One poll of an account's mentions: how many pages were read, how many new mentions were kept,
 * whether the run of pages is complete (since_id moved on) and, if it stopped, why.
 */
public record PollOutcome(long accountId, int pages, int added, boolean complete, @Nullable String problem) {}
