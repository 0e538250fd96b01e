package org.noticeboard.policy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Every rule the engine knows, in the order the policy editor lists them. */
public final class RuleCatalog {

    private static final String NEVER_IDENTIFY =
            "Never post anything that could identify a patient: treat the post as a public noticeboard.";
    private static final String NEVER_ANGRY =
            "Never tweet while angry: step away, and come back to it when you are calm.";

    private static final List<RuleInfo> ALL = List.of(
            new RuleInfo("length", "Length",
                    "A post may be at most 280 characters as X counts them: every link counts as 23, emoji"
                            + " and most non-Latin characters count as 2. X also refuses a few invisible"
                            + " characters.",
                    Severity.BLOCK, GuidanceSection.WRITING_FOR_X,
                    "Shorten the post: X counts every link as 23 characters and each emoji as 2."),
            new RuleInfo("nhs-number", "NHS numbers",
                    "Finds NHS numbers: ten digits with a valid check digit, written together or as"
                            + " 3-3-4 with spaces or hyphens.",
                    Severity.BLOCK, GuidanceSection.CONFIDENTIALITY, NEVER_IDENTIFY),
            new RuleInfo("chi-number", "Scottish CHI numbers",
                    "Finds Community Health Index numbers: a date of birth (DDMMYY) followed by four"
                            + " digits, with a valid check digit.",
                    Severity.BLOCK, GuidanceSection.CONFIDENTIALITY, NEVER_IDENTIFY),
            new RuleInfo("hospital-number", "Hospital numbers",
                    "Finds hospital (case-note) numbers in the form the organisation sets. Does nothing"
                            + " until a pattern is set.",
                    Severity.BLOCK, GuidanceSection.CONFIDENTIALITY, NEVER_IDENTIFY),
            new RuleInfo("date-of-birth", "Dates of birth",
                    "Finds dates written next to words like DOB, born or date of birth. Dates of events"
                            + " are not affected.",
                    Severity.BLOCK, GuidanceSection.CONFIDENTIALITY, NEVER_IDENTIFY),
            new RuleInfo("phone-number", "Personal phone numbers",
                    "Finds phone numbers in any common UK or international format, except the"
                            + " organisation's own published numbers.",
                    Severity.BLOCK, GuidanceSection.CONFIDENTIALITY, NEVER_IDENTIFY),
            new RuleInfo("email-address", "Personal e-mail addresses",
                    "Finds e-mail addresses, also when written as name [at] example [dot] com, except the"
                            + " organisation's own published addresses.",
                    Severity.BLOCK, GuidanceSection.CONFIDENTIALITY, NEVER_IDENTIFY),
            new RuleInfo("tone-capitals", "Shouting in capitals",
                    "Warns when most of the letters of a post are capitals. Hashtags, mentions, links"
                            + " and common abbreviations such as NHS are not counted.",
                    Severity.WARN, GuidanceSection.NEVER_TWEET_ANGRY, NEVER_ANGRY),
            new RuleInfo("tone-punctuation", "Strings of !!! and ???",
                    "Warns about three or more exclamation or question marks in a row.",
                    Severity.WARN, GuidanceSection.NEVER_TWEET_ANGRY, NEVER_ANGRY),
            new RuleInfo("tone-words", "Swearing and hostile words",
                    "Warns about swearing and hostile words (\"pathetic\", \"shut up\", \"liar\"), from a"
                            + " built-in list and the organisation's own additions.",
                    Severity.WARN, GuidanceSection.NEVER_TWEET_ANGRY, NEVER_ANGRY),
            new RuleInfo("leading-mention", "Post starting with @",
                    "Warns when a post that is not a reply starts with @name: X then shows it only to"
                            + " people who follow both accounts.",
                    Severity.WARN, GuidanceSection.MENTIONS,
                    "Start with \".@\" if everyone should see it."),
            new RuleInfo("links", "Links",
                    "Warns about links that are not https, link shorteners that hide where a link goes,"
                            + " and domains the organisation does not allow.",
                    Severity.WARN, GuidanceSection.CHECK_SOURCES,
                    "Check your sources and where links go: give the full https:// address of a site you trust."),
            new RuleInfo("banned-terms", "Banned words and phrases",
                    "Finds the organisation's banned words and phrases, also when disguised with look-alike"
                            + " letters, invisible characters, numbers for letters or s p a c e s.",
                    Severity.BLOCK, GuidanceSection.ORGANISATION_POLICY,
                    "This is on the organisation's list of words we do not use: reword the post."),
            new RuleInfo("image-alt-text", "Image descriptions",
                    "Every image needs a description (alt text) for people who use screen readers.",
                    Severity.BLOCK, GuidanceSection.ACCESSIBILITY,
                    "Describe every image for people using screen readers."),
            new RuleInfo("hashtag-case", "Hashtag capitals",
                    "Suggests capitals in hashtags that join several words in lower case"
                            + " (#MentalHealthAwareness, not #mentalhealthawareness).",
                    Severity.INFO, GuidanceSection.ACCESSIBILITY,
                    "Capitalise each word of a hashtag so screen readers say the words, not letters."),
            new RuleInfo("pre-election", "Pre-election period",
                    "Warns when a post names a politician or political party during a pre-election"
                            + " period; such posts need an extra approval.",
                    Severity.WARN, GuidanceSection.PRE_ELECTION,
                    "Stay impartial before an election: a post that names a politician needs an extra approval."),
            new RuleInfo("publishing-hours", "Publishing hours",
                    "Warns when a post would be published outside the account's publishing hours or days.",
                    Severity.WARN, GuidanceSection.PUBLISHING_TIMES,
                    "Publish when someone can answer replies: schedule the post inside publishing hours."));

    private static final Map<String, RuleInfo> BY_ID = byId();

    private RuleCatalog() {}

    public static List<RuleInfo> all() {
        return ALL;
    }

    /** The rule with this id; throws {@link IllegalArgumentException} for an unknown id. */
    public static RuleInfo get(String id) {
        RuleInfo info = BY_ID.get(id);
        if (info == null) {
            throw new IllegalArgumentException("unknown rule " + id);
        }
        return info;
    }

    private static Map<String, RuleInfo> byId() {
        Map<String, RuleInfo> map = new LinkedHashMap<>();
        for (RuleInfo info : ALL) {
            map.put(info.id(), info);
        }
        return Map.copyOf(map);
    }
}
