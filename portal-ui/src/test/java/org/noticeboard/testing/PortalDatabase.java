package org.noticeboard.testing;

import org.noticeboard.db.testing.TestDatabases;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a test's portal at a fresh database of its own (never the demo's). */
public final class PortalDatabase {

    private PortalDatabase() {}

    public static void register(DynamicPropertyRegistry registry) {
        var database = TestDatabases.create();
        registry.add("noticeboard.database.url", database::url);
        registry.add("noticeboard.database.username", database::username);
        registry.add("noticeboard.database.password", database::password);
        // tests run demo mode on this external test database on purpose (SafeStart refuses it otherwise)
        registry.add("noticeboard.demo.allow-external-database", () -> "true");
        // tokens encrypted with a test key, never a key file in the tester's home directory
        registry.add("noticeboard.x.token-keys", () -> "test:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=");
    }
}
