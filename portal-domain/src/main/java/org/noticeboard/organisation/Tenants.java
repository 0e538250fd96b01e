package org.noticeboard.organisation;

import static org.noticeboard.db.jooq.Tables.ORGANISATION;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jooq.DSLContext;
import org.noticeboard.access.Access;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Installation-level operations on organisations (tenants): creating one, finding one by its
 * short name for sign-in. Run by the installation itself (demo seeding, an operator's set-up),
 * never on behalf of a signed-in member; the architecture test keeps the UI from calling it.
 */
@Component
public class Tenants {

    private final DSLContext db;
    private final Access access;
    private final AuditTrail audit;

    public Tenants(DSLContext db, Access access, AuditTrail audit) {
        this.db = db;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public Organisation create(String slug, String name) {
        String cleanName = Names.required(name, "name", "The organisation's name", 200);
        String cleanSlug = slug == null ? "" : slug.strip().toLowerCase(Locale.ROOT);
        if (!cleanSlug.matches("[a-z0-9][a-z0-9-]{1,62}")) {
            throw new InvalidInputException("malformed_slug", "slug",
                    "The organisation's short name must be 2 to 63 lower-case letters, digits or hyphens.");
        }
        if (db.fetchExists(ORGANISATION, ORGANISATION.SLUG.eq(cleanSlug))) {
            throw new ConflictException("duplicate",
                    "An organisation with the short name \"" + cleanSlug + "\" already exists.");
        }
        var row = db.insertInto(ORGANISATION)
                .set(ORGANISATION.SLUG, cleanSlug)
                .set(ORGANISATION.NAME, cleanName)
                .returning()
                .fetchSingle();
        access.asSystem(row.getId(), "Noticeboard installation", () -> {
            audit.record(access.actor(), "organisation.created", "organisation", row.getId(),
                    "Organisation \"" + cleanName + "\" created", null,
                    Map.of("slug", cleanSlug, "name", cleanName, "timeZone", row.getTimeZone()));
            return null;
        });
        return OrganisationService.toOrganisation(row);
    }

    @Transactional(readOnly = true)
    public Optional<Organisation> findBySlug(String slug) {
        return db.selectFrom(ORGANISATION)
                .where(ORGANISATION.SLUG.eq(slug))
                .fetchOptional()
                .map(OrganisationService::toOrganisation);
    }
}
