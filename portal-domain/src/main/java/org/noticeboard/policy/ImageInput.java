package org.noticeboard.policy;

import org.jspecify.annotations.Nullable;

/** An attached image, as far as the policy cares: its name and its alt text. */
public record ImageInput(String fileName, @Nullable String altText) {}
