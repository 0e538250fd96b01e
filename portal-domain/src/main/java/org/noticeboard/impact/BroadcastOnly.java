package org.noticeboard.impact;

import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Seed 002, tip 2: "Don't broadcast. Me, me, me is boring." A post is broadcast only when it
 * mentions nobody (no @handle, ".@handle" included; an e-mail address is not a mention), asks
 * nothing (no question mark) and is not a reply.
 */
public final class BroadcastOnly {

    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_])[@＠][A-Za-z0-9_]{1,15}(?![A-Za-z0-9_@])");

    private BroadcastOnly() {}

    public static boolean isBroadcastOnly(String text, @Nullable String replyToUrl) {
        return replyToUrl == null && text.indexOf('?') < 0 && text.indexOf('？') < 0 && !MENTION.matcher(text).find();
    }
}
