package org.noticeboard.policy;

import java.util.List;

/**
 * A post (not a reply) that starts with a mention: X shows it only to people who follow both
 * accounts, which is rarely what the author wants. A "." before the "@" makes it public.
 */
final class LeadingMentionRule implements PolicyRule {

    static final String ID = "leading-mention";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public void check(CheckContext context, Severity severity, List<Finding> findings) {
        if (context.input().reply() || context.mentions().isEmpty()) {
            return;
        }
        String text = context.text();
        int first = 0;
        while (first < text.length() && (NormalisedText.isSpace(text.charAt(first))
                || Character.getType(text.charAt(first)) == Character.FORMAT)) {
            first++;
        }
        TextEntity mention = context.mentions().get(0);
        if (mention.span().start() == first) {
            findings.add(Findings.of(ID, severity,
                    "This post starts with @" + mention.value() + ", so only people who follow both accounts"
                            + " will see it. Write .@" + mention.value() + " if everyone should see it.",
                    mention.span()));
        }
    }
}
