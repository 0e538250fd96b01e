package org.noticeboard.publish;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * One worker per post at a time, across every portal instance: a PostgreSQL session advisory lock
 * on a connection held for the whole attempt. If the instance dies, PostgreSQL ends its session and
 * releases the lock at once, so another instance can take the post over (and reconcile).
 */
@Component
class PostLocks {

    /** The lock's first key: publishing; the second is the post id (two-int keys never meet one-bigint keys). */
    private static final int PUBLISHING = 0x50554231;

    private final DataSource dataSource;

    PostLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The lock if free now, otherwise null; close it to release. */
    Held tryLock(long postId) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No database connection to lock post " + postId, e);
        }
        try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            connection.setAutoCommit(true);
            statement.setInt(1, PUBLISHING);
            statement.setInt(2, Long.hashCode(postId));
            try (var result = statement.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return new Held(connection, postId, true);
                }
            }
            connection.close();
            return new Held(null, postId, false);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not lock post " + postId, e);
        }
    }

    static final class Held implements AutoCloseable {
        private final java.sql.@org.jspecify.annotations.Nullable Connection connection;
        private final long postId;
        private final boolean acquired;

        private Held(java.sql.@org.jspecify.annotations.Nullable Connection connection, long postId, boolean acquired) {
            this.connection = connection;
            this.postId = postId;
            this.acquired = acquired;
        }

        boolean acquired() {
            return acquired;
        }

        @Override
        public void close() {
            if (connection == null) {
                return;
            }
            try (var statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, PUBLISHING);
                statement.setInt(2, Long.hashCode(postId));
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
