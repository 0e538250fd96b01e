package org.noticeboard.policy;

import org.jspecify.annotations.Nullable;

/**
 * One thing the policy says about a post: which rule, how serious, what is wrong, where (null
 * for the post as a whole, e.g. an image without alt text), one line of guidance in plain
 * words, and the section of the organisation's guidance page it comes from.
 */
public record Finding(String ruleId, Severity severity, String message, @Nullable Span span, String guidance,
        GuidanceSection section) {}
