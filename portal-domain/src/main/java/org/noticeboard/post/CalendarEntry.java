package org.noticeboard.post;

import java.time.ZonedDateTime;

/** A post on the calendar: when it goes (or went) out, in the organisation's zone; {@code atOnce} when no time was chosen. */
public record CalendarEntry(long postId, long accountId, long authorId, String accountHandle, PostState state, ZonedDateTime at,
        boolean atOnce, String excerpt) {}
