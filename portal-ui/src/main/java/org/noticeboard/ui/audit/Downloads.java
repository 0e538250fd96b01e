package org.noticeboard.ui.audit;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.noticeboard.shared.DomainException;

/**
 * Exports streamed straight to the browser: the domain writes into the response as it reads, so a
 * year of posts or a million audit events never sits in memory. The export runs (and is recorded)
 * when the link is clicked, with the filters as they are then.
 */
final class Downloads {

    private Downloads() {}

    static Anchor link(String id, String label, Supplier<String> fileName, String contentType, Consumer<OutputStream> write) {
        DownloadHandler handler = event -> {
            try {
                event.setFileName(fileName.get());
                event.setContentType(contentType);
                write.accept(event.getOutputStream());
            } catch (DomainException e) {
                // refused before anything was written: say why instead of handing over a broken file
                event.getResponse().setStatus(400);
                event.setContentType("text/plain; charset=UTF-8");
                try {
                    event.getOutputStream().write(e.getMessage().getBytes(StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // the browser went away
                }
            }
        };
        var anchor = new Anchor(handler, AttachmentType.DOWNLOAD, label);
        anchor.setId(id);
        return anchor;
    }
}
