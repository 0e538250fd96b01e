package org.noticeboard.compliance;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** One post published in the report's period, as the compliance scan judged it. */
record PublishedPost(long id, long accountId, String account, String authorName, @Nullable Instant submittedAt,
        Instant publishedAt, @Nullable String xPostId, boolean allApprovals, List<String> missing,
        @Nullable Long leadSeconds, List<ComplianceReport.OverriddenWarning> overrides, List<String> politicalHandles,
        @Nullable String period) {}
