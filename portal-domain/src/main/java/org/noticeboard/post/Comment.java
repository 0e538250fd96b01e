package org.noticeboard.post;

import java.time.Instant;

public record Comment(long id, long memberId, String memberName, String text, Instant at) {}
