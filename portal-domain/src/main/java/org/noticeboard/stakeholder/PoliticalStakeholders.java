package org.noticeboard.stakeholder;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The organisation's political stakeholders (flagged political, or MPs, ministers and members of
 * devolved parliaments), and which of them a post names or answers.
 */
@Component
public class PoliticalStakeholders {

    private static final Pattern MENTION = Pattern.compile("(?<![A-Za-z0-9_])[@\uFF20]([A-Za-z0-9_]{1,15})");
    private static final Pattern STATUS_URL = Pattern.compile(
            "https?://(?:www\\.|mobile\\.)?(?:x|twitter)\\.com/([A-Za-z0-9_]{1,15})/status/\\d+.*", Pattern.CASE_INSENSITIVE);

    private final StakeholderRepository stakeholders;
    private final org.noticeboard.access.Access access;

    PoliticalStakeholders(StakeholderRepository stakeholders, org.noticeboard.access.Access access) {
        this.stakeholders = stakeholders;
        this.access = access;
    }

    /** Handles (lower case, without @) of the caller's organisation's political stakeholders. */
    public Set<String> handles() {
        return stakeholders.politicalHandles(access.requireAnyRole().organisationId());
    }

    /**
     * The political stakeholders a post names in its text or answers (the author of the post it
     * replies to or quotes), as {@code @handle}s in the order they appear.
     */
    public static List<String> named(Set<String> political, String text, @Nullable String... targets) {
        var found = new LinkedHashSet<String>();
        if (political.isEmpty()) {
            return List.of();
        }
        for (String target : targets) {
            if (target != null) {
                Matcher url = STATUS_URL.matcher(target.strip());
                if (url.matches() && political.contains(url.group(1).toLowerCase(Locale.ROOT))) {
                    found.add("@" + url.group(1));
                }
            }
        }
        Matcher m = MENTION.matcher(text);
        while (m.find()) {
            if (political.contains(m.group(1).toLowerCase(Locale.ROOT))) {
                found.add("@" + m.group(1));
            }
        }
        return List.copyOf(found);
    }
}
