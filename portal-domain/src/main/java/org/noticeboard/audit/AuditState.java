package org.noticeboard.audit;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/**
 * The state of a subject before or after a change, as named fields with text values, written
 * as canonical JSON (keys sorted, no spaces) so that the same state always gives the same bytes
 * and therefore the same digest. Written by hand because the hash must cover exact bytes and the
 * values are flat strings; reading it back uses Jackson.
 */
public final class AuditState {

    private AuditState() {}

    public static String canonical(Map<String, ? extends @Nullable Object> fields) {
        var sorted = new TreeMap<String, @Nullable Object>(fields);
        var json = new StringBuilder("{");
        sorted.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            quote(json, key);
            json.append(':');
            if (value == null) {
                json.append("null");
            } else {
                quote(json, value.toString());
            }
        });
        return json.append('}').toString();
    }

    private static void quote(StringBuilder json, String text) {
        json.append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        json.append('"');
    }
}
