package org.noticeboard.listsync;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * One worker per sync at a time, across every portal instance: a PostgreSQL session advisory lock
 * held on its own connection for the whole slice (as publishing does per post). If the instance
 * dies, PostgreSQL ends the session and the lock with it, so another instance can resume the job.
 */
@Component
class SyncLocks {

    /** The lock's first key: list sync; the second is the job id. */
    private static final int LIST_SYNC = 0x4C53594E;

    private final DataSource dataSource;

    SyncLocks(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    Held tryLock(long syncId) {
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No database connection to lock list sync " + syncId, e);
        }
        try (var statement = connection.prepareStatement("select pg_try_advisory_lock(?, ?)")) {
            connection.setAutoCommit(true);
            statement.setInt(1, LIST_SYNC);
            statement.setInt(2, Long.hashCode(syncId));
            try (var result = statement.executeQuery()) {
                result.next();
                if (result.getBoolean(1)) {
                    return new Held(connection, syncId);
                }
            }
            connection.close();
            return new Held(null, syncId);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not lock list sync " + syncId, e);
        }
    }

    static final class Held implements AutoCloseable {
        private final @Nullable Connection connection;
        private final long syncId;

        private Held(@Nullable Connection connection, long syncId) {
            this.connection = connection;
            this.syncId = syncId;
        }

        boolean acquired() {
            return connection != null;
        }

        @Override
        public void close() {
            if (connection == null) {
                return;
            }
            try (var statement = connection.prepareStatement("select pg_advisory_unlock(?, ?)")) {
                statement.setInt(1, LIST_SYNC);
                statement.setInt(2, Long.hashCode(syncId));
                statement.execute();
            } catch (SQLException e) {
                // closing the connection ends the lock with the session anyway
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
