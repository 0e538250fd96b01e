package org.noticeboard.guidance;

import java.time.Instant;
import org.noticeboard.policy.GuidanceSection;

/** One section of the organisation's guidance. */
public record GuidanceEntry(GuidanceSection section, String title, String body, String updatedByName, Instant updatedAt,
        int version) {}
