package org.noticeboard.stakeholder;

import org.jspecify.annotations.Nullable;

/** One field an import would change on an existing stakeholder: as stored, and as it would be. */
public record FieldChange(String field, @Nullable String before, @Nullable String after) {}
