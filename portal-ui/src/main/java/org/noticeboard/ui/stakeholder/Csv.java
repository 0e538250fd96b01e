package org.noticeboard.ui.stakeholder;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.AttachmentType;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import org.noticeboard.shared.DomainException;

/** CSV files handed to the browser as downloads. */
final class Csv {

    private Csv() {}

    /**
     * A link that downloads what {@code content} gives when it is clicked, not when the page is
     * drawn: the file then holds what is stored at that moment, and the export is audited once per
     * download rather than once per page view.
     */
    static Anchor download(String id, String label, String fileName, Supplier<byte[]> content) {
        var anchor = new Anchor(DownloadHandler.fromInputStream(event -> {
            try {
                byte[] bytes = content.get();
                return new DownloadResponse(new ByteArrayInputStream(bytes), fileName, "text/csv; charset=UTF-8",
                        bytes.length);
            } catch (DomainException e) {
                return DownloadResponse.error(403, e.getMessage());
            }
        }), AttachmentType.DOWNLOAD, label);
        anchor.setId(id);
        return anchor;
    }
}
