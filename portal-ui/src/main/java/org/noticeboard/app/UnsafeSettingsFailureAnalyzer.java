package org.noticeboard.app;

import java.util.stream.Collectors;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Prints a refusal as Spring Boot prints its own start-up failures ("APPLICATION FAILED TO START",
 * Description, Action) instead of a stack trace the operator has to read through.
 */
public class UnsafeSettingsFailureAnalyzer extends AbstractFailureAnalyzer<UnsafeSettingsException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, UnsafeSettingsException cause) {
        return new FailureAnalysis(
                "The portal refuses to start with these settings:\n\n" + cause.refusals().stream()
                        .map(SafeStart.Refusal::description).collect(Collectors.joining("\n\n")),
                cause.refusals().stream().map(SafeStart.Refusal::action).collect(Collectors.joining("\n\n")),
                cause);
    }
}
