package org.noticeboard.post;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import org.noticeboard.access.Access;
import org.noticeboard.access.Actor;
import org.noticeboard.access.Role;
import org.noticeboard.shared.InvalidInputException;
import org.noticeboard.shared.Names;
import org.noticeboard.shared.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.unit.DataSize;

/**
 * Images for posts: staff upload them (checked against what X accepts); any member may view them.
 * Each member may keep at most {@code noticeboard.media.quota-per-member} of images (200 MB unless
 * configured); images no revision uses are removed a day after their upload ({@link MediaCleanup}),
 * which gives their space back.
 */
@Service
public class MediaService {

    /**
     * The largest image accepted at all: X takes GIFs up to 15 MB and other images up to 5 MB. The UI's
     * upload stops reading a file past this, and {@link #upload} refuses one over it.
     */
    public static final int MAX_UPLOAD_BYTES = ImageCheck.MAX_GIF_BYTES;

    private final MediaRepository media;
    private final Access access;
    private final Clock clock;
    private final long quotaBytes;
    private final org.noticeboard.audit.AuditTrail audit;

    public MediaService(MediaRepository media, Access access, Clock clock,
            @Value("${noticeboard.media.quota-per-member:200MB}") DataSize quota, org.noticeboard.audit.AuditTrail audit) {
        this.audit = audit;
        if (quota.toBytes() <= 0) {
            throw new IllegalStateException("noticeboard.media.quota-per-member is " + quota + ": give each member some "
                    + "space for images, for example 200MB");
        }
        this.media = media;
        this.access = access;
        this.clock = clock;
        this.quotaBytes = quota.toBytes();
    }

    @Transactional
    public ImageInfo upload(String fileName, byte[] bytes) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER);
        String name = Names.required(fileName, "images", "The file name", 255);
        if (bytes.length > MAX_UPLOAD_BYTES) {
            throw new InvalidInputException("image_too_large", "images", "\"" + name + "\" is " + megabytes(bytes.length)
                    + "; an image may be at most " + megabytes(MAX_UPLOAD_BYTES) + " (X takes GIFs up to 15 MB, other "
                    + "images up to 5 MB). Nothing was uploaded.");
        }
        var inspected = ImageCheck.inspect(name, bytes);
        long uploader = actor.memberId() == null ? 0L : actor.memberId();
        if (actor.memberId() != null) {
            media.lockUploader(actor.organisationId(), uploader);
            long used = media.bytesUploadedBy(actor.organisationId(), uploader);
            if (used + bytes.length > quotaBytes) {
                throw new InvalidInputException("image_quota", "images", "\"" + name + "\" (" + megabytes(bytes.length)
                        + ") would take your images over your quota: you already use " + megabytes(used) + " of "
                        + megabytes(quotaBytes) + ". Images no post uses are removed a day after their upload; "
                        + "until then, reuse an image you uploaded or ask your administrator for a larger quota.");
            }
        }
        String digest = sha256(bytes);
        long id = media.insert(actor.organisationId(), uploader, name, inspected, bytes, digest, clock.instant());
        audit.record(actor, "media.uploaded", "media", id, "Image \"" + name + "\" uploaded (" + inspected.contentType() + ", "
                + inspected.width() + "×" + inspected.height() + ", " + bytes.length + " bytes)", null,
                java.util.Map.of("fileName", name, "contentType", inspected.contentType(), "bytes", String.valueOf(bytes.length),
                        "sha256", digest));
        return new ImageInfo(id, name, inspected.contentType(), bytes.length, inspected.width(), inspected.height());
    }

    @Transactional(readOnly = true)
    public ImageInfo info(long mediaId) {
        Actor actor = reader(mediaId);
        return media.info(actor.organisationId(), mediaId).orElseThrow(() -> new NotFoundException("Image", mediaId));
    }

    @Transactional(readOnly = true)
    public byte[] content(long mediaId) {
        Actor actor = reader(mediaId);
        return media.content(actor.organisationId(), mediaId).orElseThrow(() -> new NotFoundException("Image", mediaId));
    }

    /**
     * Images belong to posts, which their authors, the accounts' approvers and auditors see: a member
     * with none of those roles (an organisation admin, a curator) has no post whose images to read. An image
     * is read by whoever uploaded it, and by whoever may see a post carrying it ({@link Actor#maySeePost}):
     * another department's staff and approvers are answered as if it did not exist.
     */
    private Actor reader(long mediaId) {
        Actor actor = access.require(Role.STAFF, Role.APPROVER, Role.AUDITOR);
        boolean may = media.use(actor.organisationId(), mediaId)
                .filter(use -> actor.isSystem() || java.util.Objects.equals(actor.memberId(), use.uploadedBy())
                        || use.posts().stream().anyMatch(p -> actor.maySeePost(p.authorId(), p.accountDepartmentId())))
                .isPresent();
        if (!may) {
            throw new NotFoundException("Image", mediaId);
        }
        return actor;
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
