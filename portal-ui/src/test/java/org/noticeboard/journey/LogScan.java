package org.noticeboard.journey;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.LoggerFactory;

/**
 * Everything the portal logs while the journeys run, kept to be searched for what must never be
 * written to a log: e-mail addresses, OAuth tokens, bearer headers, client secrets.
 */
final class LogScan {

    static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)+");
    static final Pattern CREDENTIALS = Pattern.compile(
            "(?i)(bearer\\s+[A-Za-z0-9._~+/-]{16,}|access_token|refresh_token|client_secret|password=)");
    private static final List<String> lines = new ArrayList<>();
    private static final String NAME = "noticeboard-log-scan";

    private LogScan() {}

    /** Attaches the scan to the root logger, unless it is attached already. */
    static synchronized void attach() {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        if (root.getAppender(NAME) != null) {
            return;
        }
        var appender = new AppenderBase<ILoggingEvent>() {
            @Override
            protected void append(ILoggingEvent event) {
                var text = new StringBuilder(event.getLoggerName()).append(": ").append(event.getFormattedMessage());
                for (var cause = event.getThrowableProxy(); cause != null; cause = cause.getCause()) {
                    text.append(" | ").append(cause.getClassName()).append(": ").append(cause.getMessage());
                }
                synchronized (LogScan.class) {
                    lines.add(text.toString());
                }
            }
        };
        appender.setName(NAME);
        appender.setContext(root.getLoggerContext());
        appender.start();
        root.addAppender(appender);
    }

    /** Lines that hold an e-mail address, a credential's name or value, or one of {@code secrets}. */
    static synchronized List<String> leaks(Collection<String> secrets) {
        return lines.stream()
                .filter(line -> EMAIL.matcher(line).find() || CREDENTIALS.matcher(line).find()
                        || secrets.stream().anyMatch(s -> s.length() >= 8 && line.contains(s)))
                .toList();
    }

    /** Every line captured so far. */
    static synchronized List<String> lines() {
        return List.copyOf(lines);
    }

    static synchronized boolean captured(String text) {
        return lines.stream().anyMatch(line -> line.contains(text));
    }
}
