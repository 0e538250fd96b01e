package org.noticeboard.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.server.VaadinServletRequest;
import com.vaadin.flow.server.streams.UploadEvent;
import jakarta.servlet.ServletInputStream;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.noticeboard.post.MediaService;
import org.springframework.mock.web.DelegatingServletInputStream;
import org.springframework.mock.web.MockHttpServletRequest;

/**
 * The upload handlers read no further than their limit, whatever the browser says: Vaadin's
 * in-memory handler kept the whole request body, so one request of any size could fill the heap.
 */
class BoundedUploadTest {

    /** An endless body, counting what is read of it. */
    static final class EndlessBody extends InputStream {
        final AtomicLong read = new AtomicLong();

        @Override
        public int read() {
            read.incrementAndGet();
            return 'x';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            java.util.Arrays.fill(b, off, off + len, (byte) 'x');
            read.addAndGet(len);
            return len;
        }
    }

    static UploadEvent rawUpload(String fileName, long declaredSize, InputStream body) {
        var request = new MockHttpServletRequest("POST", "/VAADIN/dynamic/resource/upload") {
            @Override
            public ServletInputStream getInputStream() {
                return new DelegatingServletInputStream(body);
            }
        };
        return new UploadEvent(new VaadinServletRequest(request, null), null, null, fileName, declaredSize, "image/png",
                null, null);
    }

    @Test
    void a_body_larger_than_the_limit_sent_without_its_size_is_refused_after_reading_one_byte_past_the_limit() throws Exception {
        var received = new AtomicReference<byte[]>();
        var handler = new BoundedUpload(MediaService.MAX_UPLOAD_BYTES, "an image", (name, bytes) -> received.set(bytes));
        var body = new EndlessBody();
        var event = rawUpload("huge.png", -1, body);

        handler.handleUploadRequest(event);

        assertThat(event.isRejected()).isTrue();
        assertThat(event.getRejectionMessage())
                .isEqualTo("\"huge.png\" is larger than 15.0 MB; an image may be at most 15.0 MB. Nothing was uploaded.");
        assertThat(body.read.get()).isEqualTo(MediaService.MAX_UPLOAD_BYTES + 1L);
        assertThat(received.get()).isNull();
    }

    @Test
    void a_body_whose_declared_size_is_over_the_limit_is_refused_unread() throws Exception {
        var handler = new BoundedUpload(8 * 1024 * 1024, "a stakeholder file", (name, bytes) -> {
            throw new AssertionError("not to be called");
        });
        var body = new EndlessBody();
        var event = rawUpload("directory.csv", 2L * 1024 * 1024 * 1024, body);

        handler.handleUploadRequest(event);

        assertThat(event.getRejectionMessage())
                .isEqualTo("\"directory.csv\" is 2048.0 MB; a stakeholder file may be at most 8.0 MB. Nothing was uploaded.");
        assertThat(body.read.get()).isZero();
    }

    @Test
    void a_file_within_the_limit_is_handed_over_whole_and_vaadin_is_told_the_limits() throws Exception {
        var received = new AtomicReference<byte[]>();
        var handler = new BoundedUpload(1024, "an image", (name, bytes) -> received.set(bytes));
        var event = rawUpload("small.png", 1024, new java.io.ByteArrayInputStream(new byte[1024]));

        handler.handleUploadRequest(event);

        assertThat(event.isRejected()).isFalse();
        assertThat(received.get()).hasSize(1024);
        assertThat(handler.getFileSizeMax()).isEqualTo(1024);
        assertThat(handler.getFileCountMax()).isEqualTo(1);
        assertThat(handler.getRequestSizeMax()).isGreaterThan(1024);
    }
}
