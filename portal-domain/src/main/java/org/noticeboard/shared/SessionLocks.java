package org.noticeboard.shared;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One worker per piece of background work at a time, across every portal instance: a PostgreSQL
 * session advisory lock held on a connection of its own for the whole attempt. If the instance
 * dies, PostgreSQL ends its session and releases the lock at once, so another instance can take
 * the work over. Keys are two ints: a space per kind of work and the work's id (two-int keys never
 * meet one-bigint keys).
 */
@Component
public class SessionLocks {

    private final DataSource dataSource;

    public SessionLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock on {@code id} in {@code space} if it is free now; close it to release. */
    public Held tryLock(int space, long id, String what) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No database connection to lock " + what + " " + id, e);
        }
        try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            connection.setAutoCommit(true);
            statement.setInt(1, space);
            statement.setInt(2, Long.hashCode(id));
            try (var result = statement.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return new Held(connection, space, id);
                }
            }
            connection.close();
            return new Held(null, space, id);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not lock " + what + " " + id, e);
        }
    }

    public static final class Held implements AutoCloseable {
        private final @Nullable Connection connection;
        private final int space;
        private final long id;

        private Held(@Nullable Connection connection, int space, long id) {
            this.connection = connection;
            this.space = space;
            this.id = id;
        }

        public boolean acquired() {
            return connection != null;
        }

        @Override
        public void close() {
            if (connection == null) {
                return;
            }
            try (var statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, space);
                statement.setInt(2, Long.hashCode(id));
                statement.execute();
            } catch (SQLException e) {
                // closing the connection below ends the lock with the session anyway
            } finally {
                closeQuietly(connection);
            }
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }
}
