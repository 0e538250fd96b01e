package org.noticeboard.x.publishing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.noticeboard.db.jooq.Tables.MEDIA;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.post.MediaService;
import org.noticeboard.post.TestImages;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.x.testing.XTestApplication;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Images no revision uses are removed by the recurring db-scheduler task {@value MediaCleanupTasks#NAME}
 * once the clock has passed a day since their upload, on real PostgreSQL.
 */
@SpringBootTest(classes = XTestApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "noticeboard.x.publishing.poll-interval=200ms", "noticeboard.media.cleanup-interval=200ms",
        // a context of its own: this test moves the clock a day on, and db-scheduler plans its
        // recurring tasks on that clock
        "noticeboard.x.publishing.threads=2",
        "noticeboard.x.token-keys=k1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="})
class MediaCleanupTaskTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired MediaService media;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    boolean kept(long mediaId) {
        return db.fetchExists(MEDIA, MEDIA.ID.eq(mediaId));
    }

    @Test
    void the_recurring_task_removes_an_unused_image_once_a_day_has_passed() throws InterruptedException {
        var trust = world.organisation("Cleanup Trust");
        long staff = trust.member(Role.STAFF);
        var image = caller.as(staff, () -> media.upload("forgotten.png", Arrays.copyOf(TestImages.png(), 64 * 1024)));
        assertThat(db.fetchExists(DSL.selectOne().from(DSL.table("scheduled_tasks"))
                .where(DSL.field("task_name").eq(MediaCleanupTasks.NAME)))).isTrue();

        Thread.sleep(600);
        assertThat(kept(image.mediaId())).as("an image uploaded just now is kept").isTrue();

        clock.advance(Duration.ofHours(25));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (kept(image.mediaId()) && Instant.now().isBefore(deadline)) {
            Thread.sleep(100);
        }
        assertThat(kept(image.mediaId())).as("removed by the task a day after its upload").isFalse();
    }
}
