package org.noticeboard.post;

import static org.noticeboard.db.jooq.Tables.MEDIA;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Images for posts: staff upload them (checked against what X accepts); any member may view them. */
@Service
public class MediaService {

    private final org.jooq.DSLContext db;
    private final Access access;
    private final org.noticeboard.audit.AuditTrail audit;

    public MediaService(org.jooq.DSLContext db, Access access, org.noticeboard.audit.AuditTrail audit) {
        this.db = db;
        this.access = access;
        this.audit = audit;
    }

    @Transactional
    public ImageInfo upload(String fileName, byte[] bytes) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        String name = Names.required(fileName, "images", "The file name", 255);
        var inspected = ImageCheck.inspect(name, bytes);
        long id = db.insertInto(MEDIA)
                .set(MEDIA.ORGANISATION_ID, actor.organisationId())
                .set(MEDIA.UPLOADED_BY, actor.memberId() == null ? 0L : actor.memberId())
                .set(MEDIA.FILE_NAME, name)
                .set(MEDIA.CONTENT_TYPE, inspected.contentType())
                .set(MEDIA.SIZE_BYTES, bytes.length)
                .set(MEDIA.WIDTH, inspected.width())
                .set(MEDIA.HEIGHT, inspected.height())
                .set(MEDIA.SHA256, sha256(bytes))
                .set(MEDIA.BYTES, bytes)
                .returning(MEDIA.ID)
                .fetchSingle(MEDIA.ID);
        String digest = sha256(bytes);
        audit.record(actor, "media.uploaded", "media", id, "Image \"" + name + "\" uploaded (" + inspected.contentType() + ", "
                + inspected.width() + "×" + inspected.height() + ", " + bytes.length + " bytes)", null,
                java.util.Map.of("fileName", name, "contentType", inspected.contentType(), "bytes", String.valueOf(bytes.length),
                        "sha256", digest));
        return new ImageInfo(id, name, inspected.contentType(), bytes.length, inspected.width(), inspected.height());
    }

    @Transactional(readOnly = true)
    public ImageInfo info(long mediaId) {
        Actor actor = reader();
        return db.select(MEDIA.ID, MEDIA.FILE_NAME, MEDIA.CONTENT_TYPE, MEDIA.SIZE_BYTES, MEDIA.WIDTH, MEDIA.HEIGHT)
                .from(MEDIA)
                .where(MEDIA.ORGANISATION_ID.eq(actor.organisationId()), MEDIA.ID.eq(mediaId))
                .fetchOptional(r -> new ImageInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()))
                .orElseThrow(() -> new NotFoundException("Image", mediaId));
    }

    @Transactional(readOnly = true)
    public byte[] content(long mediaId) {
        Actor actor = reader();
        return db.select(MEDIA.BYTES)
                .from(MEDIA)
                .where(MEDIA.ORGANISATION_ID.eq(actor.organisationId()), MEDIA.ID.eq(mediaId))
                .fetchOptional(MEDIA.BYTES)
                .orElseThrow(() -> new NotFoundException("Image", mediaId));
    }

    /**
     * Images belong to posts, which their authors, the accounts' approvers and auditors see: a member
     * with none of those roles (an organisation admin, a curator) has no post whose images to read.
     */
    private Actor reader() {
        return access.require(Role.STAFF, Role.APPROVER, Role.AUDITOR);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
