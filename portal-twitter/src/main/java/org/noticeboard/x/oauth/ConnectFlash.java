package org.noticeboard.x.oauth;

import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import org.jspecify.annotations.Nullable;

/**
 * The outcome of a connection, carried in the member's session from the OAuth callback to the
 * accounts page (so nothing an outsider writes into a URL is shown as the portal's word).
 */
public record ConnectFlash(long accountId, boolean connected, String message) implements Serializable {

    public static final String ATTRIBUTE = ConnectFlash.class.getName();

    static void put(HttpSession session, ConnectFlash flash) {
        org.slf4j.LoggerFactory.getLogger(ConnectFlash.class).info("Connecting official account {} to X: {}",
                flash.accountId(), flash.message());
        session.setAttribute(ATTRIBUTE, flash);
    }

    /** Takes the flash from a session's attributes (through whichever session API the caller has). */
    public static @Nullable ConnectFlash take(java.util.function.Function<String, @Nullable Object> get,
            java.util.function.Consumer<String> remove) {
        Object value = get.apply(ATTRIBUTE);
        if (value instanceof ConnectFlash flash) {
            remove.accept(ATTRIBUTE);
            return flash;
        }
        return null;
    }
}
