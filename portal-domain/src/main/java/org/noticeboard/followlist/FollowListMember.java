package org.noticeboard.followlist;

import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.noticeboard.stakeholder.Stakeholder;

/** A stakeholder on a list: who added them, when, and the note given then (why they are here). */
public record FollowListMember(Stakeholder stakeholder, @Nullable String addedBy, Instant addedAt, @Nullable String note) {}
