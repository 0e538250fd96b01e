package org.noticeboard.db.testing;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.noticeboard.db.EmbeddedPostgresServer;

/**
 * Fresh, empty databases for tests, never the demo's. By default on one throw-away embedded
 * PostgreSQL per test JVM; when the system property or environment variable
 * {@code noticeboard.test.database.url} / {@code NOTICEBOARD_TEST_DATABASE_URL} names a server
 * (a JDBC URL of a database the user may create databases from), on that server instead.
 * Each call creates a new database, dropped when the JVM ends.
 */
public final class TestDatabases {

    private static EmbeddedPostgresServer embedded;
    private static final List<String> created = new ArrayList<>();

    private TestDatabases() {}

    public record TestDatabase(String url, String username, String password, boolean external) {}

    public static synchronized TestDatabase create() {
        String server = serverUrl();
        String name = "nb_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        if (server == null) {
            if (embedded == null) {
                embedded = EmbeddedPostgresServer.startThrowAway();
                Runtime.getRuntime().addShutdownHook(new Thread(embedded::close));
            }
            execute(embedded.jdbcUrl("postgres"), "postgres", "", "create database " + name);
            return new TestDatabase(embedded.jdbcUrl(name), "postgres", "", false);
        }
        String user = System.getProperty("noticeboard.test.database.username",
                envOr("NOTICEBOARD_TEST_DATABASE_USERNAME", "postgres"));
        String password = System.getProperty("noticeboard.test.database.password",
                envOr("NOTICEBOARD_TEST_DATABASE_PASSWORD", ""));
        execute(server, user, password, "create database " + name);
        if (created.isEmpty()) {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> dropAll(server, user, password)));
        }
        created.add(name);
        return new TestDatabase(withDatabase(server, name), user, password, true);
    }

    public static boolean usesExternalServer() {
        return serverUrl() != null;
    }

    private static String serverUrl() {
        String url = System.getProperty("noticeboard.test.database.url");
        if (url == null || url.isBlank()) {
            url = System.getenv("NOTICEBOARD_TEST_DATABASE_URL");
        }
        return url == null || url.isBlank() ? null : url.trim();
    }

    private static String envOr(String name, String fallback) {
        String value = System.getenv(name);
        return value == null ? fallback : value;
    }

    static String withDatabase(String serverUrl, String database) {
        int query = serverUrl.indexOf('?');
        String base = query < 0 ? serverUrl : serverUrl.substring(0, query);
        String params = query < 0 ? "" : serverUrl.substring(query);
        int slash = base.lastIndexOf('/');
        return base.substring(0, slash + 1) + database + params;
    }

    private static void dropAll(String server, String user, String password) {
        for (String name : created) {
            try {
                execute(server, user, password, "drop database if exists " + name + " with (force)");
            } catch (RuntimeException ignored) {
                // best effort at JVM exit; a left-over test database holds no one's data
            }
        }
    }

    private static void execute(String url, String user, String password, String sql) {
        try (var connection = DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test database set-up failed on " + url + ": " + e.getMessage(), e);
        }
    }
}
