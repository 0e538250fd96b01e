package org.noticeboard.x.sandbox;

import java.util.List;
import org.noticeboard.db.testing.TestDatabases;

/** A fresh database with an X sandbox server on it, its test client registered, and a clock the test drives. */
final class SandboxFixture implements AutoCloseable {

    final TestDatabases.TestDatabase database;
    final TestClock clock;
    final boolean record;
    XSandboxServer server;
    SandboxHttp http;

    private SandboxFixture(TestDatabases.TestDatabase database, TestClock clock, boolean record) {
        this.database = database;
        this.clock = clock;
        this.record = record;
        start();
    }

    static SandboxFixture start(boolean record) {
        return new SandboxFixture(TestDatabases.create(), TestClock.startingNow(), record);
    }

    private void start() {
        server = XSandboxServer.builder(database.url(), database.username(), database.password())
                .clock(clock)
                .recordExchanges(record)
                .start();
        server.sandbox().registerClient(SandboxHttp.CLIENT_ID, SandboxHttp.CLIENT_SECRET, List.of(SandboxHttp.REDIRECT_URI));
        http = new SandboxHttp(server.baseUrl());
    }

    /** Stops the server and starts a new one on the same database. */
    void restart() {
        server.close();
        start();
    }

    XSandbox sandbox() {
        return server.sandbox();
    }

    @Override
    public void close() {
        server.close();
    }
}
