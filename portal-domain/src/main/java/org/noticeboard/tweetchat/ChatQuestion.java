package org.noticeboard.tweetchat;

import java.time.LocalDateTime;
import org.jspecify.annotations.Nullable;

/** One question as the planner writes it, and when it goes out (wall-clock time in the organisation's zone). */
public record ChatQuestion(@Nullable String text, @Nullable LocalDateTime at) {}
