package org.noticeboard.campaign;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

public record Campaign(long id, String name, List<String> hashtags, @Nullable LocalDate startsOn, @Nullable LocalDate endsOn) {}
