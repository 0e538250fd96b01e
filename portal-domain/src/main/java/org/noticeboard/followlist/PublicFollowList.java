package org.noticeboard.followlist;

import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.stakeholder.StakeholderCategory;

/**
 * A PUBLIC list as anyone with its link sees it: no internal notes, nothing of who added whom or
 * when, no X account details beyond the handle.
 */
public record PublicFollowList(
        String organisationName,
        String departmentName,
        String name,
        @Nullable String description,
        @Nullable String purpose,
        List<Member> members) {

    public PublicFollowList {
        members = List.copyOf(members);
    }

    public record Member(String handle, String name, StakeholderCategory category, @Nullable String region,
            List<String> topics) {

        public Member {
            topics = List.copyOf(topics);
        }
    }
}
