package org.noticeboard.shared;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * The database could not be reached: stopped, restarting, the network to it down, or no
 * connection free within the pool's timeout. The request's transaction never began or was rolled
 * back, so nothing it did was saved and it may simply be tried again. Domain services throw this
 * in place of the driver's exception ({@link DatabaseOutageTranslation}), so that people are told
 * so in plain words rather than shown an error reference.
 */
public class DatabaseUnavailableException extends DomainException {

    public static final String REASON = "database_unavailable";
    public static final String MESSAGE = "Noticeboard cannot reach its database just now, so nothing was saved. "
            + "Please wait a minute, then try again.";

    /**
     * SQLSTATEs besides class 08 (connection exception) that mean the server is going away or not
     * taking connections: admin_shutdown, crash_shutdown, cannot_connect_now, too_many_connections.
     */
    private static final Set<String> SERVER_GONE = Set.of("57P01", "57P02", "57P03", "53300");
    private static final int MAX_DEPTH = 32;

    public DatabaseUnavailableException(Throwable cause) {
        super(REASON, MESSAGE);
        initCause(cause);
    }

    /**
     * Whether {@code failure}, or any of its causes, says that the database could not be reached.
     * When the connection broke mid-transaction, the rollback fails too and Spring throws that
     * failure instead ({@link TransactionSystemException}, "Connection is closed"), keeping the
     * original as its application exception: that is looked at as well, as are suppressed exceptions.
     */
    public static boolean isCause(@Nullable Throwable failure) {
        return isCause(failure, 0);
    }

    private static boolean isCause(@Nullable Throwable failure, int depth) {
        Throwable t = failure;
        for (; t != null && depth < MAX_DEPTH; depth++, t = t.getCause()) {
            if (t instanceof DatabaseUnavailableException || t instanceof CannotGetJdbcConnectionException
                    || t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || SERVER_GONE.contains(sql.getSQLState()))) {
                return true;
            }
            if (t instanceof TransactionSystemException system && isCause(system.getApplicationException(), depth + 1)) {
                return true;
            }
            for (Throwable suppressed : t.getSuppressed()) {
                if (isCause(suppressed, depth + 1)) {
                    return true;
                }
            }
        }
        return false;
    }
}
