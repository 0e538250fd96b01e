package org.noticeboard.stakeholder;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.XHandle;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;

/** The rules every stakeholder's fields keep, whether typed in a form or read from a CSV file. */
final class StakeholderFields {

    static final int MAX_NAME = 200;
    static final int MAX_REGION = 100;
    static final int MAX_TOPICS = 20;
    static final int MAX_TOPIC = 50;
    static final int MAX_NOTES = 5000;

    private StakeholderFields() {}

    /** A stakeholder's fields after checking: trimmed, within their limits. */
    record Clean(XHandle handle, String name, StakeholderCategory category, @Nullable String region,
            List<String> topics, boolean political, @Nullable String notes) {

        Map<String, @Nullable String> state() {
            var state = new LinkedHashMap<String, @Nullable String>();
            state.put("handle", handle.toString());
            state.put("name", name);
            state.put("category", category.label());
            state.put("region", region);
            state.put("topics", String.join("; ", topics));
            state.put("political", String.valueOf(political));
            state.put("notes", notes);
            return state;
        }
    }

    static Clean clean(StakeholderDraft draft) {
        XHandle handle = XHandle.parse(draft.handle(), "handle");
        String name = Names.required(draft.name(), "name", "The stakeholder's name", MAX_NAME);
        if (draft.category() == null) {
            throw new InvalidInputException("blank", "category", "Choose a category for " + name + ".");
        }
        return new Clean(handle, name, draft.category(), region(draft.region()), topics(draft.topics()),
                draft.political(), notes(draft.notes()));
    }

    static @Nullable String region(@Nullable String region) {
        String clean = Names.optional(region);
        if (clean == null) {
            return null;
        }
        clean = clean.replaceAll("\\s+", " ");
        if (clean.length() > MAX_REGION) {
            throw new InvalidInputException("too_long", "region",
                    "The region is " + clean.length() + " characters long; at most " + MAX_REGION + " are allowed.");
        }
        return clean;
    }

    /** Trimmed, blanks dropped, each topic once whatever its case (the first spelling wins). */
    static List<String> topics(Collection<String> topics) {
        var distinct = new LinkedHashMap<String, String>();
        for (String topic : topics) {
            String clean = topic == null ? "" : topic.replaceAll("\\p{Cntrl}", " ").strip().replaceAll("\\s+", " ");
            if (clean.startsWith("#")) {
                clean = clean.substring(1).strip();
            }
            if (clean.isEmpty()) {
                continue;
            }
            if (clean.length() > MAX_TOPIC) {
                throw new InvalidInputException("too_long", "topics", "The topic \"" + clean + "\" is " + clean.length()
                        + " characters long; at most " + MAX_TOPIC + " are allowed.");
            }
            distinct.putIfAbsent(clean.toLowerCase(Locale.ROOT), clean);
        }
        if (distinct.size() > MAX_TOPICS) {
            throw new InvalidInputException("too_many", "topics",
                    distinct.size() + " topics given; at most " + MAX_TOPICS + " are allowed.");
        }
        return new ArrayList<>(distinct.values());
    }

    static @Nullable String notes(@Nullable String notes) {
        String clean = Names.optional(notes);
        if (clean != null && clean.length() > MAX_NOTES) {
            throw new InvalidInputException("too_long", "notes",
                    "The notes are " + clean.length() + " characters long; at most " + MAX_NOTES + " are allowed.");
        }
        return clean;
    }

    static String key(XHandle handle) {
        return handle.value().toLowerCase(Locale.ROOT);
    }
}
