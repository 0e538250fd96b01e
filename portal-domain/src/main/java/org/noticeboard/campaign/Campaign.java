package org.noticeboard.campaign;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Posts grouped under hashtags and dates, with the goal they serve (what the impact dashboard measures against). */
public record Campaign(long id, String name, List<String> hashtags, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn,
        @Nullable String goal) {

    public Campaign(long id, String name, List<String> hashtags, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {
        this(id, name, hashtags, startsOn, endsOn, null);
    }
}
