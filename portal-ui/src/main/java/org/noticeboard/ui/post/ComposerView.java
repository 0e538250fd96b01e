package org.noticeboard.ui.post;

import com.vaadin.flow.component.Html;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Image;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.noticeboard.account.OfficialAccount;
import org.noticeboard.campaign.Campaign;
import org.noticeboard.campaign.CampaignService;
import org.noticeboard.organisation.OrganisationService;
import org.noticeboard.policy.CheckInput;
import org.noticeboard.policy.CheckResult;
import org.noticeboard.policy.Finding;
import org.noticeboard.policy.ImageInput;
import org.noticeboard.policy.PolicyService;
import org.noticeboard.policy.Severity;
import org.noticeboard.post.AttachedImage;
import org.noticeboard.post.CheckedFinding;
import org.noticeboard.post.ImageInfo;
import org.noticeboard.post.MediaService;
import org.noticeboard.post.Post;
import org.noticeboard.post.PostDraft;
import org.noticeboard.post.PostService;
import org.noticeboard.shared.DomainException;
import org.noticeboard.ui.shell.BoundedUpload;
import org.noticeboard.ui.shell.Feedback;

/**
 * Writing a post with live guidance. The policy version in force is compiled once when the
 * page opens and checks the text in the session after each pause in typing; saving and
 * submitting check again in the domain against the version in force then.
 */
@Route("compose/:postId?")
@PageTitle("New post | Noticeboard")
@Menu(title = "New post", order = 40, icon = "vaadin:edit")
@RolesAllowed("STAFF")
public class ComposerView extends VerticalLayout implements BeforeEnterObserver {

    static final int CHECK_DELAY_MS = 300;

    /** An image in the post being written. */
    record Attached(ImageInfo image, TextArea alt) {}

    private final PostService posts;
    private final MediaService media;
    private final OrganisationService organisations;
    private final PolicyService.Compiled policy;

    private final Select<OfficialAccount> account = new Select<>();
    private final TextArea text = new TextArea("Post");
    private final Span counter = new Span();
    private final Div entities = new Div();
    private final Div highlighted = new Div();
    private final VerticalLayout findingsBox = new VerticalLayout();
    private final TextField replyTo = new TextField("Reply to (X post URL)");
    private final TextField quote = new TextField("Quote (X post URL)");
    private final ComboBox<Campaign> campaign = new ComboBox<>("Campaign");
    private final ComboBox<org.noticeboard.template.ReplyTemplate> template = new ComboBox<>("Start from a reply template");
    private final com.vaadin.flow.component.datetimepicker.DateTimePicker schedule =
            new com.vaadin.flow.component.datetimepicker.DateTimePicker();
    private final VerticalLayout imagesBox = new VerticalLayout();
    private final Upload upload;
    private final Div preview = new Div();
    private final Span status = new Span();
    private final Button save = new Button("Save draft");
    private final Button submit = new Button("Submit for approval");
    private final Button withdraw = new Button("Withdraw");
    private final org.noticeboard.post.ReviewService review;

    private final List<Attached> images = new ArrayList<>();
    private final Map<String, TextField> justificationFields = new HashMap<>();
    private final Map<String, String> justifications = new HashMap<>();
    private CheckResult result = new CheckResult(0, true, List.of(), List.of(), List.of(), List.of());
    private @Nullable Post post;

    public ComposerView(PostService posts, MediaService media, CampaignService campaigns, OrganisationService organisations,
            PolicyService policyService, org.noticeboard.post.ReviewService review,
            org.noticeboard.template.ReplyTemplateService templates) {
        this.posts = posts;
        this.review = review;
        this.media = media;
        this.organisations = organisations;
        this.policy = policyService.engine();
        setMaxWidth("80rem");
        add(new H2("New post"));

        List<OfficialAccount> writable = posts.writableAccounts();
        account.setId("post-account");
        account.setLabel("Account");
        account.setWidth("26rem");
        account.setItems(writable);
        account.setItemLabelGenerator(a -> a.handle() + " – " + a.displayName());
        account.addValueChangeListener(e -> refreshPreview());
        if (!writable.isEmpty()) {
            account.setValue(writable.getFirst());
        }

        text.setId("post-text");
        text.setWidthFull();
        text.setMinHeight("9rem");
        text.setMaxLength(25_000);
        text.setValueChangeMode(ValueChangeMode.TIMEOUT);
        text.setValueChangeTimeout(CHECK_DELAY_MS);
        text.setPlaceholder("What would you post on a public noticeboard?");
        text.addValueChangeListener(e -> recheck());
        counter.setId("post-counter");
        entities.setId("post-entities");
        entities.getStyle().set("color", "var(--lumo-secondary-text-color)").set("font-size", "var(--lumo-font-size-s)");

        replyTo.setId("reply-to");
        replyTo.setWidthFull();
        replyTo.setPlaceholder("https://x.com/…/status/…");
        replyTo.setValueChangeMode(ValueChangeMode.LAZY);
        replyTo.addValueChangeListener(e -> recheck());
        quote.setId("quote-url");
        quote.setWidthFull();
        quote.setPlaceholder("https://x.com/…/status/…");
        quote.setValueChangeMode(ValueChangeMode.LAZY);
        quote.addValueChangeListener(e -> refreshPreview());
        campaign.setId("campaign");
        campaign.setItems(campaigns.list());
        campaign.setItemLabelGenerator(c -> c.name() + (c.hashtags().isEmpty() ? "" : " " + String.join(" ", c.hashtags())));
        campaign.setClearButtonVisible(true);
        template.setId("reply-template");
        template.setItems(templates.list());
        template.setItemLabelGenerator(org.noticeboard.template.ReplyTemplate::name);
        template.setHelperText("Replace {link} with the service's https address; keep the rest word for word.");
        template.setWidth("26rem");
        template.addValueChangeListener(e -> {
            if (e.getValue() != null) {
                text.setValue(e.getValue().text());
            }
        });
        schedule.setId("post-schedule");
        schedule.setLabel("Goes out (" + organisations.current().timeZone().getId() + "; empty: as soon as approved)");
        schedule.setStep(java.time.Duration.ofMinutes(5));

        UI ui = UI.getCurrent();
        upload = new Upload(new BoundedUpload(MediaService.MAX_UPLOAD_BYTES, "an image", (name, bytes) -> {
            try {
                ImageInfo info = media.upload(name, bytes);
                ui.access(() -> attach(info));
            } catch (DomainException e) {
                ui.access(() -> Feedback.error(e.getMessage()));
            }
        }));
        upload.setId("image-upload");
        upload.setMaxFiles(4);
        upload.setMaxFileSize(MediaService.MAX_UPLOAD_BYTES);
        upload.setAcceptedFileTypes("image/png", "image/jpeg", "image/gif", "image/webp", ".png", ".jpg", ".jpeg", ".gif", ".webp");
        upload.setDropLabel(new Span("Up to 4 images (PNG, JPEG, GIF, WebP), each with alt text"));
        upload.addFileRejectedListener(e -> Feedback.error(e.getFileName() + ": " + e.getErrorMessage()));
        imagesBox.setId("post-images");
        imagesBox.setPadding(false);

        save.setId("save-draft");
        save.addClickListener(e -> saveDraft());
        submit.setId("submit-post");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> submitPost());
        status.setId("post-status");
        withdraw.setId("withdraw-post");
        withdraw.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_TERTIARY);
        withdraw.addClickListener(e -> {
            Post stored = Objects.requireNonNull(post);
            if (Feedback.attempt(() -> post = review.withdraw(stored.id(), stored.version()))) {
                Feedback.success("Withdrawn from review. Change it and submit it again when it is ready.");
                updateButtons();
            }
        });

        var writing = new VerticalLayout(account, text, new HorizontalLayout(counter, entities), replyTo, template, quote, campaign, schedule,
                new H3("Images"), upload, imagesBox, new HorizontalLayout(save, submit, withdraw, status));
        writing.setPadding(false);
        writing.setWidth("55%");

        findingsBox.setId("post-findings");
        findingsBox.setPadding(false);
        highlighted.setId("post-highlighted");
        highlighted.getStyle().set("white-space", "pre-wrap").set("border", "1px solid var(--lumo-contrast-10pct)")
                .set("padding", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)");
        preview.setId("post-preview");
        var guidance = new VerticalLayout(new H3("Guidance"), findingsBox, new H3("Where"), highlighted,
                new H3("Preview on X"), preview);
        guidance.setPadding(false);
        guidance.setWidth("45%");
        var columns = new HorizontalLayout(writing, guidance);
        columns.setWidthFull();
        add(columns);

        if (writable.isEmpty()) {
            add(new Paragraph("You may not write for any official account yet: that needs the Staff role for the "
                    + "account's department. Ask your organisation admin."));
            save.setEnabled(false);
        }
        recheck();
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        event.getRouteParameters().get("postId").ifPresent(id -> {
            try {
                load(posts.get(Long.parseLong(id)));
            } catch (NumberFormatException | DomainException e) {
                Feedback.error(e instanceof DomainException d ? d.getMessage() : "There is no post \"" + id + "\".");
                event.forwardTo(MyPostsView.class);
            }
        });
    }

    private void load(Post loaded) {
        this.post = loaded;
        var current = loaded.current();
        account.getListDataView().getItems().filter(a -> a.id() == loaded.accountId()).findFirst().ifPresent(account::setValue);
        justifications.clear();
        justifications.putAll(current.justifications());
        text.setValue(current.text());
        replyTo.setValue(Objects.toString(current.replyToUrl(), ""));
        quote.setValue(Objects.toString(current.quoteUrl(), ""));
        campaign.getListDataView().getItems().filter(c -> Objects.equals(c.id(), current.campaignId())).findFirst()
                .ifPresent(campaign::setValue);
        schedule.setValue(loaded.scheduledAt() == null ? null : loaded.scheduledAt().toLocalDateTime());
        images.clear();
        imagesBox.removeAll();
        current.images().forEach(i -> attach(new ImageInfo(i.mediaId(), i.fileName(), "", 0, i.width(), i.height()), i.altText()));
        recheck();
    }

    private void attach(ImageInfo info) {
        attach(info, null);
    }

    private void attach(ImageInfo info, @Nullable String altText) {
        if (images.size() >= 4) {
            Feedback.error("A post can carry at most 4 images; \"" + info.fileName() + "\" was not added.");
            return;
        }
        var alt = new TextArea("Alt text for " + info.fileName());
        alt.setId("alt-" + images.size());
        alt.setMaxLength(1000);
        alt.setWidthFull();
        alt.setHelperText("Describe the image for people who use screen readers.");
        alt.setValue(altText == null ? "" : altText);
        alt.setValueChangeMode(ValueChangeMode.LAZY);
        alt.addValueChangeListener(e -> recheck());
        var attached = new Attached(info, alt);
        images.add(attached);
        var thumbnail = new Image(media.content(info.mediaId()), info.fileName());
        thumbnail.setMaxHeight("5rem");
        var remove = new Button("Remove", e -> {
            images.remove(attached);
            redrawImages();
            recheck();
        });
        remove.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        var row = new HorizontalLayout(thumbnail, alt, remove);
        row.setWidthFull();
        row.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.CENTER);
        imagesBox.add(row);
        recheck();
    }

    private void redrawImages() {
        var kept = new ArrayList<>(images);
        images.clear();
        imagesBox.removeAll();
        kept.forEach(a -> attach(a.image(), a.alt().getValue()));
    }

    /** Runs the policy on what is on screen now, in this session: no save, no database. */
    void recheck() {
        String value = text.getValue();
        var input = new CheckInput(value, images.stream().map(a -> new ImageInput(a.image().fileName(), a.alt().getValue())).toList(),
                null, ZonedDateTime.now(organisations.current().timeZone()), !replyTo.getValue().isBlank());
        result = policy.engine().check(input);
        counter.setText(result.weightedLength() + " / " + CheckResult.MAX_WEIGHTED_LENGTH);
        counter.getStyle().set("color", result.validLength() ? "var(--lumo-secondary-text-color)" : "var(--lumo-error-text-color)")
                .set("font-weight", result.validLength() ? "normal" : "700");
        var parts = new ArrayList<String>();
        if (!result.mentions().isEmpty()) {
            parts.add("Mentions: " + String.join(" ", result.mentions()));
        }
        if (!result.hashtags().isEmpty()) {
            parts.add("Hashtags: " + String.join(" ", result.hashtags()));
        }
        if (!result.urls().isEmpty()) {
            parts.add("Links: " + String.join(" ", result.urls()));
        }
        entities.setText(String.join(" · ", parts));
        highlighted.removeAll();
        highlighted.add(new Html(TextMarkup.highlighted(value, result.findings())));
        drawFindings(value);
        refreshPreview();
        updateButtons();
    }

    private void drawFindings(String value) {
        findingsBox.removeAll();
        justificationFields.clear();
        if (result.findings().isEmpty()) {
            var fine = new Paragraph("Nothing in the policy stands in the way of this post.");
            fine.setId("no-findings");
            findingsBox.add(fine);
            return;
        }
        int index = 0;
        for (Finding finding : result.findings()) {
            String key = CheckedFinding.keyOf(finding, value);
            var badge = new Span(finding.severity().name());
            badge.getStyle().set("background", TextMarkup.colour(finding.severity())).set("font-weight", "700")
                    .set("font-size", "var(--lumo-font-size-xs)").set("padding", "0 0.4em").set("border-radius", "0.3em");
            var message = new Span(" " + finding.message());
            var guidance = new Div(new Span(finding.guidance() + " "),
                    new Anchor("guidance/" + finding.section().anchor(), "Guidance: " + finding.section().title()));
            guidance.getStyle().set("font-size", "var(--lumo-font-size-s)").set("color", "var(--lumo-secondary-text-color)");
            var item = new Div(badge, message, guidance);
            item.addClassName("finding");
            item.getElement().setAttribute("data-rule", finding.ruleId());
            item.getStyle().set("border-left", "4px solid " + TextMarkup.colour(finding.severity())).set("padding-left", "var(--lumo-space-s)");
            if (finding.severity() == Severity.WARN) {
                var why = new TextField("Why is it right to post this anyway?");
                why.setId("justify-" + index);
                why.setWidthFull();
                why.setMaxLength(2000);
                why.setValue(justifications.getOrDefault(key, ""));
                why.setValueChangeMode(ValueChangeMode.EAGER);
                why.addValueChangeListener(e -> {
                    justifications.put(key, e.getValue());
                    updateButtons();
                });
                justificationFields.put(key, why);
                item.add(why);
            }
            findingsBox.add(item);
            index++;
        }
    }

    private void refreshPreview() {
        preview.removeAll();
        OfficialAccount chosen = account.getValue();
        var card = new Div();
        card.getStyle().set("border", "1px solid #cfd9de").set("border-radius", "16px").set("padding", "12px")
                .set("font-family", "system-ui, sans-serif").set("max-width", "34rem").set("background", "white");
        var who = new Div(new Span(chosen == null ? "Account" : chosen.displayName()), new Span(" "),
                new Span(chosen == null ? "" : chosen.handle().toString()));
        who.getElement().getChild(0).getStyle().set("font-weight", "700");
        who.getElement().getChild(2).getStyle().set("color", "#536471");
        card.add(who);
        if (!replyTo.getValue().isBlank()) {
            var replying = new Div("Replying to " + replyHandle(replyTo.getValue()));
            replying.getStyle().set("color", "#536471");
            card.add(replying);
        }
        var body = new Html(TextMarkup.asOnX(text.getValue()));
        body.getElement().getStyle().set("white-space", "pre-wrap");
        card.add(body);
        if (!images.isEmpty()) {
            var grid = new HorizontalLayout();
            images.forEach(a -> {
                var image = new Image(media.content(a.image().mediaId()), a.alt().getValue());
                image.setMaxHeight("8rem");
                image.getStyle().set("border-radius", "12px");
                grid.add(image);
            });
            card.add(grid);
        }
        if (!quote.getValue().isBlank()) {
            var quoted = new Div("Quoting " + quote.getValue().strip());
            quoted.getStyle().set("border", "1px solid #cfd9de").set("border-radius", "12px").set("padding", "8px")
                    .set("color", "#536471").set("margin-top", "8px");
            card.add(quoted);
        }
        preview.add(card);
    }

    private static String replyHandle(String url) {
        var matcher = java.util.regex.Pattern.compile("(?:x|twitter)\\.com/([A-Za-z0-9_]{1,15})/status").matcher(url);
        return matcher.find() ? "@" + matcher.group(1) : "a post";
    }

    private void updateButtons() {
        boolean submittable = post == null || post.state().editableByAuthor();
        boolean editable = submittable || post.state().inReviewOrLater();
        boolean justified = result.warnings().stream().allMatch(f -> {
            String given = justifications.get(CheckedFinding.keyOf(f, text.getValue()));
            return given != null && given.strip().length() >= 10;
        });
        boolean hasContent = !text.getValue().isBlank() || !images.isEmpty();
        save.setEnabled(editable && account.getValue() != null);
        submit.setEnabled(submittable && account.getValue() != null && hasContent && !result.blocked() && result.validLength()
                && justified);
        withdraw.setVisible(post != null && post.state().inReviewOrLater());
        save.setText(post != null && post.state().inReviewOrLater() ? "Save changes (review starts again)" : "Save draft");
        status.setText(post == null ? "Not saved yet" : post.state().label() + ", revision " + post.current().number()
                + " (policy version " + post.current().policyVersion() + ")"
                + (post.scheduledAt() == null ? "" : ", goes out " + post.scheduledAt().toLocalDateTime().toString().replace('T', ' ')));
    }

    private PostDraft draft() {
        var given = new HashMap<String, String>();
        justifications.forEach((key, value) -> {
            if (!value.isBlank()) {
                given.put(key, value);
            }
        });
        Campaign chosen = campaign.getValue();
        return new PostDraft(account.getValue().id(), text.getValue(), replyTo.getValue(), quote.getValue(),
                chosen == null ? null : chosen.id(),
                images.stream().map(a -> new AttachedImage(a.image().mediaId(), a.alt().getValue())).toList(), given);
    }

    private boolean store() {
        var fields = new HashMap<String, com.vaadin.flow.component.HasValidation>();
        fields.put("text", text);
        fields.put("replyToUrl", replyTo);
        fields.put("quoteUrl", quote);
        for (int i = 0; i < images.size(); i++) {
            fields.put("images[" + i + "].altText", images.get(i).alt());
        }
        fields.put("scheduledAt", schedule);
        return Feedback.attempt(() -> {
            post = posts.save(post == null ? null : post.id(), draft(), post == null ? 0 : post.version());
            var chosen = schedule.getValue();
            var stored = post.scheduledAt() == null ? null : post.scheduledAt().toLocalDateTime();
            if (!Objects.equals(chosen, stored)) {
                post = posts.schedule(post.id(), chosen, post.version());
            }
            UI.getCurrent().getPage().getHistory().replaceState(null, "compose/" + post.id());
        }, fields);
    }

    private void saveDraft() {
        if (store()) {
            Feedback.success("Draft saved (revision " + post.current().number() + ").");
            updateButtons();
        }
    }

    private void submitPost() {
        if (!store()) {
            return;
        }
        Post stored = Objects.requireNonNull(post);
        if (Feedback.attempt(() -> post = posts.submit(stored.id(), stored.version()))) {
            Feedback.success("Submitted for approval. You will find it under My posts.");
            updateButtons();
        }
    }

    /** For tests: the result of the last check on screen. */
    CheckResult lastCheck() {
        return result;
    }
}
