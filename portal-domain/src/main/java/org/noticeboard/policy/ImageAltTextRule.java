package org.noticeboard.policy;

import java.util.List;

/** Every image needs a description; a blank one is no description. */
final class ImageAltTextRule implements PolicyRule {

    static final String ID = "image-alt-text";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        for (ImageInput image : context.input().images()) {
            String alt = image.altText();
            if (alt == null || alt.isBlank()) {
                findings.add(Findings.of(ID, severity,
                        "The image " + image.fileName() + " has no description (alt text).", null));
            }
        }
    }
}
