package org.noticeboard.post;

import static org.noticeboard.db.jooq.Tables.MEDIA;
import static org.noticeboard.db.jooq.Tables.MEMBER;
import static org.noticeboard.db.jooq.Tables.OFFICIAL_ACCOUNT;
import static org.noticeboard.db.jooq.Tables.POST;
import static org.noticeboard.db.jooq.Tables.POST_REVISION;
import static org.noticeboard.db.jooq.Tables.POST_REVISION_MEDIA;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Repository;

/** The uploaded images: their bytes, what they are, who uploaded them and when. */
@Repository
class MediaRepository {

    private final DSLContext db;

    MediaRepository(DSLContext db) {
        this.db = db;
    }

    /**
     * Holds the member's row until the transaction ends, so that two uploads by one member at once
     * are counted against the quota one after the other, not both against the same total.
     */
    void lockUploader(long organisationId, long memberId) {
        db.select(MEMBER.ID).from(MEMBER)
                .where(MEMBER.ORGANISATION_ID.eq(organisationId), MEMBER.ID.eq(memberId))
                .forNoKeyUpdate()
                .fetch();
    }

    /** The bytes of every image the member uploaded that is still kept. */
    long bytesUploadedBy(long organisationId, long memberId) {
        return db.select(DSL.coalesce(DSL.sum(MEDIA.SIZE_BYTES), BigDecimal.ZERO))
                .from(MEDIA)
                .where(MEDIA.ORGANISATION_ID.eq(organisationId), MEDIA.UPLOADED_BY.eq(memberId))
                .fetchSingle()
                .value1()
                .longValue();
    }

    long insert(long organisationId, long uploadedBy, String fileName, ImageCheck.Inspected inspected, byte[] bytes,
            String sha256, Instant at) {
        return db.insertInto(MEDIA)
                .set(MEDIA.ORGANISATION_ID, organisationId)
                .set(MEDIA.UPLOADED_BY, uploadedBy)
                .set(MEDIA.FILE_NAME, fileName)
                .set(MEDIA.CONTENT_TYPE, inspected.contentType())
                .set(MEDIA.SIZE_BYTES, bytes.length)
                .set(MEDIA.WIDTH, inspected.width())
                .set(MEDIA.HEIGHT, inspected.height())
                .set(MEDIA.SHA256, sha256)
                .set(MEDIA.BYTES, bytes)
                .set(MEDIA.CREATED_AT, at.atOffset(ZoneOffset.UTC))
                .returning(MEDIA.ID)
                .fetchSingle(MEDIA.ID);
    }

    Optional<ImageInfo> info(long organisationId, long mediaId) {
        return db.select(MEDIA.ID, MEDIA.FILE_NAME, MEDIA.CONTENT_TYPE, MEDIA.SIZE_BYTES, MEDIA.WIDTH, MEDIA.HEIGHT)
                .from(MEDIA)
                .where(MEDIA.ORGANISATION_ID.eq(organisationId), MEDIA.ID.eq(mediaId))
                .fetchOptional(r -> new ImageInfo(r.value1(), r.value2(), r.value3(), r.value4(), r.value5(), r.value6()));
    }

    /** Who uploaded an image, and the posts whose revisions carry it (their authors and accounts' departments). */
    record Use(long uploadedBy, java.util.List<PostOf> posts) {}

    record PostOf(long authorId, @org.jspecify.annotations.Nullable Long accountDepartmentId) {}

    Optional<Use> use(long organisationId, long mediaId) {
        return db.select(MEDIA.UPLOADED_BY).from(MEDIA)
                .where(MEDIA.ORGANISATION_ID.eq(organisationId), MEDIA.ID.eq(mediaId))
                .fetchOptional(MEDIA.UPLOADED_BY)
                .map(uploader -> new Use(uploader, db.selectDistinct(POST.AUTHOR_ID, OFFICIAL_ACCOUNT.DEPARTMENT_ID)
                        .from(POST_REVISION_MEDIA)
                        .join(POST_REVISION).on(POST_REVISION.ID.eq(POST_REVISION_MEDIA.REVISION_ID))
                        .join(POST).on(POST.ID.eq(POST_REVISION.POST_ID))
                        .join(OFFICIAL_ACCOUNT).on(OFFICIAL_ACCOUNT.ID.eq(POST.ACCOUNT_ID))
                        .where(POST_REVISION_MEDIA.ORGANISATION_ID.eq(organisationId), POST_REVISION_MEDIA.MEDIA_ID.eq(mediaId))
                        .fetch(r -> new PostOf(r.value1(), r.value2()))));
    }

    Optional<byte[]> content(long organisationId, long mediaId) {
        return db.select(MEDIA.BYTES)
                .from(MEDIA)
                .where(MEDIA.ORGANISATION_ID.eq(organisationId), MEDIA.ID.eq(mediaId))
                .fetchOptional(MEDIA.BYTES);
    }

    /**
     * Deletes images uploaded before {@code cutoff} that no revision uses, at most {@code limit} of
     * them; returns how many. Rows another transaction has locked (a revision being saved with the
     * image takes a key-share lock on it) are skipped, not waited for, and not deleted under it.
     */
    int deleteUnusedBefore(Instant cutoff, int limit) {
        var unused = db.select(MEDIA.ID).from(MEDIA)
                .where(MEDIA.CREATED_AT.lt(cutoff.atOffset(ZoneOffset.UTC)))
                .and(DSL.notExists(DSL.selectOne().from(POST_REVISION_MEDIA)
                        .where(POST_REVISION_MEDIA.ORGANISATION_ID.eq(MEDIA.ORGANISATION_ID),
                                POST_REVISION_MEDIA.MEDIA_ID.eq(MEDIA.ID))))
                .orderBy(MEDIA.ID)
                .limit(limit)
                .forUpdate()
                .skipLocked();
        return db.deleteFrom(MEDIA).where(MEDIA.ID.in(unused)).execute();
    }
}
