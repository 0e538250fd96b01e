package org.noticeboard.x.oauth;

import static org.noticeboard.db.jooq.Tables.INSTALLATION_SECRET;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import org.jooq.DSLContext;

/**
 * The portal's client secret at the X sandbox, random per installation: a secret known from the
 * source would let anyone who can reach a demo exchange its authorisation codes. Made on the first
 * start and kept in the database (not the data directory), because every instance on one database
 * must present the same secret and a restart must keep the connections made with it; the sandbox
 * itself keeps only its hash. Sandbox tokens reach nothing but the sandbox, so it is stored as is.
 */
public final class SandboxClientSecret {

    static final String NAME = "x-sandbox-client-secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private SandboxClientSecret() {}

    /** This installation's secret, made now if it has none; instances starting together agree on the first one stored. */
    public static String of(DSLContext db) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        db.insertInto(INSTALLATION_SECRET)
                .set(INSTALLATION_SECRET.NAME, NAME)
                .set(INSTALLATION_SECRET.VALUE, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes))
                .set(INSTALLATION_SECRET.CREATED_AT, OffsetDateTime.now(ZoneOffset.UTC))
                .onConflictDoNothing()
                .execute();
        return db.select(INSTALLATION_SECRET.VALUE).from(INSTALLATION_SECRET)
                .where(INSTALLATION_SECRET.NAME.eq(NAME))
                .fetchSingle(INSTALLATION_SECRET.VALUE);
    }
}
