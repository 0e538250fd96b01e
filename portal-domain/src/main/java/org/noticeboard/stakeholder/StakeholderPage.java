package org.noticeboard.stakeholder;

import java.util.List;

/** One page of a directory search and how many stakeholders match in all. */
public record StakeholderPage(List<Stakeholder> stakeholders, int total, int offset, int limit) {

    public StakeholderPage {
        stakeholders = List.copyOf(stakeholders);
    }
}
