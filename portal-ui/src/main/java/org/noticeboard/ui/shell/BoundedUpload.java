package org.noticeboard.ui.shell;

import com.vaadin.flow.server.streams.UploadEvent;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/**
 * An upload handler that keeps at most {@code maxBytes} of one file in memory. Vaadin's own
 * in-memory handler reads whatever the browser sends, and the Upload's max file size is only checked
 * in the browser: anyone can post a larger body to the upload URL. This one refuses a file whose
 * declared size is over the limit without reading it, stops reading one that turns out larger, and
 * tells Vaadin the limits so that a multipart request is refused before its parts are read.
 */
public final class BoundedUpload implements UploadHandler {

    /** What to do with a file that fits. */
    @FunctionalInterface
    public interface Received {
        void accept(String fileName, byte[] bytes);
    }

    private final long maxBytes;
    private final String what;
    private final Received received;

    /** {@code what} names the kind of file in the refusal, for example "an image". */
    public BoundedUpload(long maxBytes, String what, Received received) {
        this.maxBytes = maxBytes;
        this.what = what;
        this.received = received;
    }

    @Override
    public void handleUploadRequest(UploadEvent event) throws IOException {
        String fileName = event.getFileName();
        if (event.getFileSize() > maxBytes) {
            event.reject(tooLarge(fileName, event.getFileSize()));
            return;
        }
        byte[] bytes;
        try (InputStream in = event.getInputStream()) {
            bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
        }
        if (bytes.length > maxBytes) {
            event.reject(tooLarge(fileName, -1));
            return;
        }
        received.accept(fileName, bytes);
    }

    String tooLarge(String fileName, long size) {
        return "\"" + fileName + "\" is " + (size < 0 ? "larger than " + megabytes(maxBytes) : megabytes(size)) + "; "
                + what + " may be at most " + megabytes(maxBytes) + ". Nothing was uploaded.";
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    @Override
    public long getFileSizeMax() {
        return maxBytes;
    }

    @Override
    public long getFileCountMax() {
        return 1;
    }

    /** One file and the multipart boundaries and headers around it. */
    @Override
    public long getRequestSizeMax() {
        return maxBytes + 64 * 1024;
    }
}
