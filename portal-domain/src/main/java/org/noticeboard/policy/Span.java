package org.noticeboard.policy;

/** A stretch of the post's text, {@code start} inclusive, {@code end} exclusive, in UTF-16 indices. */
public record Span(int start, int end) {

    public Span {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad span " + start + ".." + end);
        }
    }

    public String of(String text) {
        return text.substring(start, end);
    }
}
