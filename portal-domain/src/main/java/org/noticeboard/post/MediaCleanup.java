package org.noticeboard.post;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Removes images no revision uses, a day after their upload: an image uploaded and never saved
 * with a post (a changed mind, a closed tab, a script) would otherwise stay in the database for
 * ever and count against its uploader's quota. A day leaves time to finish the post it was
 * uploaded for. Run by the installation on a timer; each run deletes in batches of rows locked
 * with {@code skip locked}, so several instances may run it at once.
 */
@Component
public class MediaCleanup {

    /** How long an image no revision uses is kept. */
    public static final Duration KEPT_UNUSED = Duration.ofHours(24);
    static final int BATCH = 500;

    private final MediaRepository media;
    private final Clock clock;

    public MediaCleanup(MediaRepository media, Clock clock) {
        this.media = media;
        this.clock = clock;
    }

    /** Deletes a batch of images unused for longer than {@link #KEPT_UNUSED}; returns how many (less than a batch: no more due). */
    @Transactional
    public int removeUnused() {
        return media.deleteUnusedBefore(clock.instant().minus(KEPT_UNUSED), BATCH);
    }
}
