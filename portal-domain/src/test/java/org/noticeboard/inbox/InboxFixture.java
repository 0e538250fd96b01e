package org.noticeboard.inbox;

import static org.noticeboard.db.jooq.Tables.STAKEHOLDER;

import org.jooq.DSLContext;
import org.noticeboard.access.Role;
import org.noticeboard.account.OfficialAccountService;
import org.noticeboard.stakeholder.StakeholderCategory;
import org.noticeboard.testing.FakeTokens;
import org.noticeboard.testing.FakeX;
import org.noticeboard.testing.TestCaller;
import org.noticeboard.testing.World;
import org.noticeboard.xapi.XUser;

/**
 * A connected organisation of {@link World} whose account people mention on {@link FakeX}. Not a
 * bean: the portal-twitter tests scan this module's test classes too, without FakeX.
 */
class InboxFixture {

    record Trust(World.Org org, String xUserId) {

        long account() {
            return org.account().id();
        }

        long member(Role role) {
            return org.member(role);
        }
    }

    private final World world;
    private final TestCaller caller;
    private final OfficialAccountService accounts;
    private final FakeTokens tokens;
    private final DSLContext db;

    InboxFixture(World world, TestCaller caller, OfficialAccountService accounts, FakeTokens tokens, DSLContext db) {
        this.world = world;
        this.caller = caller;
        this.accounts = accounts;
        this.tokens = tokens;
        this.db = db;
    }

    Trust connected(String name) {
        World.Org org = world.organisation(name);
        String xUserId = String.valueOf(org.account().id() + 700_000);
        caller.run(org.member(Role.ACCOUNT_ADMIN), () -> accounts.connect(org.account().id(), xUserId,
                org.account().handle().value(), name));
        tokens.connect(org.account().id(), xUserId);
        return new Trust(org, xUserId);
    }

    /** A stakeholder of the organisation, known by X user id (or only by handle when it is null). */
    long stakeholder(Trust trust, XUser user, StakeholderCategory category, boolean withUserId) {
        return db.insertInto(STAKEHOLDER)
                .set(STAKEHOLDER.ORGANISATION_ID, trust.org().organisation().id())
                .set(STAKEHOLDER.HANDLE, user.username())
                .set(STAKEHOLDER.NAME, user.name())
                .set(STAKEHOLDER.CATEGORY, category.name())
                .set(STAKEHOLDER.X_USER_ID, withUserId ? user.id() : null)
                .returning(STAKEHOLDER.ID)
                .fetchSingle(STAKEHOLDER.ID);
    }
}
