package org.noticeboard.template;

import static org.noticeboard.db.jooq.Tables.REPLY_TEMPLATE;

import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.audit.AuditTrail;
import org.noticeboard.policy.CheckInput;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.policy.Severity;
import org.noticeboard.shared.ConflictException;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reply templates: every member reads them; approvers and organisation admins approve new ones. */
@Service
public class ReplyTemplateService {

    private final DSLContext db;
    private final Access access;
    private final AuditTrail audit;
    private final PolicyService policy;

    public ReplyTemplateService(DSLContext db, Access access, AuditTrail audit, PolicyService policy) {
        this.db = db;
        this.access = access;
        this.audit = audit;
        this.policy = policy;
    }

    @Transactional(readOnly = true)
    public List<ReplyTemplate> list() {
        return db.selectFrom(REPLY_TEMPLATE).where(REPLY_TEMPLATE.ORGANISATION_ID.eq(access.requireAnyRole().organisationId()))
                .orderBy(REPLY_TEMPLATE.NAME)
                .fetch(r -> new ReplyTemplate(r.getId(), r.getName(), r.getText()));
    }

    /** One of the organisation's templates. */
    @Transactional(readOnly = true)
    public ReplyTemplate get(long id) {
        return list().stream().filter(t -> t.id() == id).findFirst()
                .orElseThrow(() -> new org.noticeboard.shared.NotFoundException("Reply template", id));
    }

    @Transactional
    public ReplyTemplate create(String name, String text) {
        Actor actor = access.require(Role.APPROVER, Role.ORG_ADMIN);
        String cleanName = Names.required(name, "name", "The template's name", 80);
        String cleanText = text == null ? "" : text.strip();
        if (cleanText.isEmpty() || cleanText.length() > 1000) {
            throw new InvalidInputException("text", "text", "A template's text is 1 to 1000 characters long.");
        }
        var check = policy.engine().engine().check(new CheckInput(cleanText.replace(ReplyTemplate.LINK, "https://www.nhs.uk"),
                List.of(), null, java.time.ZonedDateTime.now(), true));
        if (check.blocked()) {
            throw new InvalidInputException("blocked", "text", "The policy blocks this template: " + String.join(" ",
                    check.findings().stream().filter(f -> f.severity() == Severity.BLOCK).map(f -> f.message()).toList()));
        }
        if (db.fetchExists(REPLY_TEMPLATE, REPLY_TEMPLATE.ORGANISATION_ID.eq(actor.organisationId()),
                DSL.lower(DSL.trim(REPLY_TEMPLATE.NAME)).eq(cleanName.toLowerCase(java.util.Locale.ROOT)))) {
            throw new ConflictException("duplicate", "A template called \"" + cleanName + "\" already exists.");
        }
        long id = db.insertInto(REPLY_TEMPLATE)
                .set(REPLY_TEMPLATE.ORGANISATION_ID, actor.organisationId())
                .set(REPLY_TEMPLATE.NAME, cleanName)
                .set(REPLY_TEMPLATE.TEXT, cleanText)
                .set(REPLY_TEMPLATE.CREATED_BY_NAME, actor.displayName())
                .returning(REPLY_TEMPLATE.ID)
                .fetchSingle(REPLY_TEMPLATE.ID);
        audit.record(actor, "template.created", "reply_template", id, "Reply template \"" + cleanName + "\" approved", null,
                Map.of("name", cleanName, "text", cleanText));
        return new ReplyTemplate(id, cleanName, cleanText);
    }
}
