package org.noticeboard.app;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The portal refused to start ({@link SafeStart}). The message carries every refusal and what to
 * set, so it says it all even where no failure analyzer prints it (a test, a log collector).
 */
public class UnsafeSettingsException extends IllegalStateException {

    private final List<SafeStart.Refusal> refusals;

    UnsafeSettingsException(List<SafeStart.Refusal> refusals) {
        super("The portal refuses to start with these settings:\n" + refusals.stream()
                .map(r -> "- " + r.description() + "\n  Action: " + r.action())
                .collect(Collectors.joining("\n")));
        this.refusals = List.copyOf(refusals);
    }

    public List<SafeStart.Refusal> refusals() {
        return refusals;
    }
}
