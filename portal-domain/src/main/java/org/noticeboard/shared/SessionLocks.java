package org.noticeboard.shared;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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

    /**
     * As many of {@code ids} as are free now, at most {@code max}, taken in their order on one
     * connection with one statement; close the result to release them all.
     */
    public HeldSome tryLockSome(int space, List<Long> ids, int max, String what) {
        if (ids.isEmpty() || max <= 0) {
            return new HeldSome(null, space, List.of());
        }
        Connection connection;
        try {
            connection = dataSource.getConnection();
        } catch (SQLException e) {
            throw new IllegalStateException("No database connection to lock " + what + "s", e);
        }
        // the limit stops the scan, so a lock is tried (and taken) only for the ids it returns
        try (var statement = connection.prepareStatement(
                "select id from unnest(?::bigint[], ?::int[]) as u(id, k) where pg_try_advisory_lock(?, k) limit ?")) {
            connection.setAutoCommit(true);
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray(Long[]::new)));
            statement.setArray(2, connection.createArrayOf("integer", keys(ids)));
            statement.setInt(3, space);
            statement.setInt(4, max);
            List<Long> taken = new ArrayList<>();
            try (var result = statement.executeQuery()) {
                while (result.next()) {
                    taken.add(result.getLong(1));
                }
            }
            if (taken.isEmpty()) {
                connection.close();
                return new HeldSome(null, space, List.of());
            }
            return new HeldSome(connection, space, List.copyOf(taken));
        } catch (SQLException | RuntimeException e) {
            closeQuietly(connection);
            throw new IllegalStateException("Could not lock " + what + "s " + ids, e);
        }
    }

    /** The locks {@link #tryLockSome} took; closing releases every one. */
    public static final class HeldSome implements AutoCloseable {
        private final @Nullable Connection connection;
        private final int space;
        private final List<Long> ids;

        private HeldSome(@Nullable Connection connection, int space, List<Long> ids) {
            this.connection = connection;
            this.space = space;
            this.ids = ids;
        }

        /** The ids locked, in the order they were asked for. */
        public List<Long> ids() {
            return ids;
        }

        @Override
        public void close() {
            if (connection == null) {
                return;
            }
            try (var statement = connection.prepareStatement("select pg_advisory_unlock(?, k) from unnest(?::int[]) as u(k)")) {
                statement.setInt(1, space);
                statement.setArray(2, connection.createArrayOf("integer", keys(ids)));
                statement.execute();
            } catch (SQLException e) {
                // closing the connection below ends the locks with the session anyway
            } finally {
                closeQuietly(connection);
            }
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

    /** The int each id is locked under ({@link #tryLock} uses the same). */
    private static Integer[] keys(List<Long> ids) {
        return ids.stream().map(id -> Long.hashCode(id)).toArray(Integer[]::new);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // nothing more to release
        }
    }
}
