package org.noticeboard.post;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.noticeboard.db.jooq.Tables.MEDIA;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.noticeboard.access.Role;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.NotFoundException;
import org.noticeboard.testing.DomainTestApplication;
import org.noticeboard.testing.ShiftableClock;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * What one member's uploads may cost the installation: no image over the largest size X takes, at
 * most a quota of images per member (1 MB here, so that a test fills it), and images no revision
 * uses removed a day after their upload.
 */
@SpringBootTest(classes = DomainTestApplication.class, properties = "noticeboard.media.quota-per-member=1MB")
class MediaLimitsTest {

    @Autowired World world;
    @Autowired TestCaller caller;
    @Autowired MediaService media;
    @Autowired MediaCleanup cleanup;
    @Autowired PostService posts;
    @Autowired ShiftableClock clock;
    @Autowired DSLContext db;

    World.Org trust;
    long staff;

    @BeforeEach
    void setUp() {
        clock.reset();
        trust = world.organisation("Upload Trust");
        staff = trust.member(Role.STAFF);
    }

    @AfterEach
    void tearDown() {
        clock.reset();
    }

    /** A PNG that the checks accept (its header is real) padded to {@code size} bytes. */
    static byte[] pngOfSize(int size) {
        return Arrays.copyOf(TestImages.png(), size);
    }

    boolean kept(long mediaId) {
        return db.fetchExists(MEDIA, MEDIA.ID.eq(mediaId));
    }

    @Test
    void an_image_over_the_largest_upload_is_refused_saying_its_size_and_the_limit() {
        byte[] huge = Arrays.copyOf(TestImages.of("gif", 40, 30), MediaService.MAX_UPLOAD_BYTES + 1);

        assertThatThrownBy(() -> caller.as(staff, () -> media.upload("poster.gif", huge)))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo("image_too_large");
                    assertThat(e.getMessage()).isEqualTo("\"poster.gif\" is 15.0 MB; an image may be at most 15.0 MB "
                            + "(X takes GIFs up to 15 MB, other images up to 5 MB). Nothing was uploaded.");
                });
        assertThat(db.fetchCount(MEDIA, MEDIA.ORGANISATION_ID.eq(trust.organisation().id()))).isZero();
    }

    @Test
    void a_member_over_their_quota_is_refused_saying_how_much_they_use_and_others_are_not_affected() {
        caller.as(staff, () -> media.upload("one.png", pngOfSize(400 * 1024)));
        caller.as(staff, () -> media.upload("two.png", pngOfSize(400 * 1024)));

        assertThatThrownBy(() -> caller.as(staff, () -> media.upload("three.png", pngOfSize(400 * 1024))))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.reason()).isEqualTo("image_quota");
                    assertThat(e.getMessage()).startsWith("\"three.png\" (0.4 MB) would take your images over your quota: "
                            + "you already use 0.8 MB of 1.0 MB.").contains("removed a day after their upload");
                });
        // the quota is each member's own: a colleague still has theirs
        long colleague = trust.member(Role.APPROVER);
        assertThat(caller.as(colleague, () -> media.upload("theirs.png", pngOfSize(400 * 1024))).sizeBytes())
                .isEqualTo(400 * 1024);
        // a smaller image that still fits is taken
        assertThat(caller.as(staff, () -> media.upload("small.png", pngOfSize(100 * 1024)))).isNotNull();
    }

    @Test
    void images_no_revision_uses_are_removed_a_day_after_their_upload_and_give_their_space_back() {
        var unused = caller.as(staff, () -> media.upload("unused.png", pngOfSize(500 * 1024)));
        var used = caller.as(staff, () -> media.upload("used.png", pngOfSize(400 * 1024)));
        caller.as(staff, () -> posts.save(null, new PostDraft(trust.account().id(), "Our new gym opens on Monday", null, null,
                null, List.of(new AttachedImage(used.mediaId(), "The new gym, with two treadmills")), Map.of()), 0));

        clock.advance(Duration.ofHours(23));
        assertThat(cleanup.removeUnused()).isZero();
        assertThat(kept(unused.mediaId())).isTrue();

        clock.advance(Duration.ofHours(2));
        var recent = caller.as(trust.member(Role.APPROVER), () -> media.upload("recent.png", pngOfSize(1024)));
        cleanup.removeUnused();

        assertThat(kept(unused.mediaId())).isFalse();
        assertThat(kept(used.mediaId())).isTrue();
        assertThat(kept(recent.mediaId())).isTrue();
        assertThatThrownBy(() -> caller.as(staff, () -> media.content(unused.mediaId()))).isInstanceOf(NotFoundException.class);
        // the 500 KB are the uploader's again
        assertThat(caller.as(staff, () -> media.upload("again.png", pngOfSize(500 * 1024)))).isNotNull();
    }
}
