package org.noticeboard.policy;

import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What is checked: the text, the images, when it would be published (null: now / not yet
 * scheduled; rules that need a time use {@code now}), and whether it is a reply.
 */
public record CheckInput(String text, List<ImageInput> images, @Nullable ZonedDateTime publishAt, ZonedDateTime now,
        boolean reply) {

    public CheckInput {
        images = List.copyOf(images);
    }

    public ZonedDateTime effectivePublishTime() {
        return publishAt == null ? now : publishAt;
    }
}
