package org.noticeboard.policy;

/** Sections of the organisation's guidance page; every finding links to one of them. */
public enum GuidanceSection {
    BE_AUTHENTIC("be-authentic", "Be authentic"),
    BE_CURIOUS("be-curious", "Be curious"),
    ADD_VALUE("add-value", "Add value"),
    CHECK_SOURCES("check-sources", "Check your sources and links"),
    CONFIDENTIALITY("confidentiality", "Respect confidentiality"),
    NEVER_TWEET_ANGRY("never-tweet-angry", "Never tweet while angry"),
    MENTIONS("mentions", "How mentions and \".@\" work"),
    ACCESSIBILITY("accessibility", "Make every post accessible"),
    WRITING_FOR_X("writing-for-x", "Writing for X"),
    ORGANISATION_POLICY("organisation-policy", "Words we do not use"),
    PUBLISHING_TIMES("publishing-times", "When we publish"),
    PRE_ELECTION("pre-election", "Pre-election periods");

    private final String anchor;
    private final String title;

    GuidanceSection(String anchor, String title) {
        this.anchor = anchor;
        this.title = title;
    }

    public String anchor() {
        return anchor;
    }

    public String title() {
        return title;
    }
}
