package org.noticeboard.followlist;

import java.time.LocalDate;

/** How often a PUBLIC list was opened and downloaded through its link on one day (UTC). */
public record PublicAccess(long listId, String listName, LocalDate day, long views, long downloads) {}
