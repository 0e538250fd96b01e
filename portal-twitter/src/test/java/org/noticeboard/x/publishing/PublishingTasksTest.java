package org.noticeboard.x.publishing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PublishingTasksTest {

    @Test
    void an_attempt_that_failed_with_an_exception_is_tried_again_within_seconds_backing_off_to_a_minute() {
        assertThat(PublishingTasks.retryAfterError(0)).isEqualTo(Duration.ofSeconds(5));
        assertThat(PublishingTasks.retryAfterError(1)).isEqualTo(Duration.ofSeconds(10));
        assertThat(PublishingTasks.retryAfterError(3)).isEqualTo(Duration.ofSeconds(40));
        assertThat(PublishingTasks.retryAfterError(4)).isEqualTo(Duration.ofMinutes(1));
        assertThat(PublishingTasks.retryAfterError(40)).isEqualTo(Duration.ofMinutes(1));
    }
}
