package org.noticeboard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;

/**
 * A browser that goes away while its answer is written (found under load: contexts closed with a
 * request in flight) is not an unexpected error: nothing is logged as one and nobody is told.
 */
class ClientAbortTest {

    @Test
    void a_client_abort_anywhere_in_the_causes_is_the_browser_going_away() {
        var abort = new ClientAbortException(new IOException("Broken pipe"));
        assertThat(VaadinSetup.clientWentAway(abort)).isTrue();
        assertThat(VaadinSetup.clientWentAway(new UncheckedIOException(abort))).isTrue();
    }

    @Test
    void other_failures_are_still_unexpected_errors() {
        assertThat(VaadinSetup.clientWentAway(new UncheckedIOException(new IOException("Disk full")))).isFalse();
        assertThat(VaadinSetup.clientWentAway(new IllegalStateException("bug"))).isFalse();
    }
}
