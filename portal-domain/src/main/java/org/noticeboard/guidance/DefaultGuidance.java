package org.noticeboard.guidance;

import java.util.Map;
import org.noticeboard.policy.GuidanceSection;

/**
 * The guidance every organisation starts with, in plain words, drawn from the NHS Horizons "10
 * tips for social media success" and the #physiotalk guide to Twitter (see the project's seeds).
 */
final class DefaultGuidance {

    private DefaultGuidance() {}

    static final Map<GuidanceSection, String> TEXT = Map.ofEntries(
            Map.entry(GuidanceSection.BE_AUTHENTIC, """
                    Be authentic, genuine, human and kind. Write as the organisation you are, not as a persona \
                    you think others will like. Treat others as you would like to be treated."""),
            Map.entry(GuidanceSection.BE_CURIOUS, """
                    Be curious: ask questions and join conversations. Don't only broadcast news about us - \
                    "me, me, me" is as boring online as it is in real life. Mention, ask and reply to people."""),
            Map.entry(GuidanceSection.ADD_VALUE, """
                    Add value: when you share someone else's post, say why it matters (quote it with a comment). \
                    Think "so what, and who cares?" before you post. Share what you learn; thank people for their work."""),
            Map.entry(GuidanceSection.CHECK_SOURCES, """
                    Be credible: check your sources before you share, and show humility if you are wrong. Trust comes \
                    in like a tortoise and goes out like a horse. Link with https to where the information really is; \
                    don't hide the destination behind a link shortener."""),
            Map.entry(GuidanceSection.CONFIDENTIALITY, """
                    Respect confidentiality. Never post anything that could identify a patient: no NHS, CHI or \
                    hospital numbers, no dates of birth, no personal phone numbers or e-mail addresses, no details \
                    that together point to one person. Only post what you would post on a public noticeboard - and \
                    if you are in doubt, don't."""),
            Map.entry(GuidanceSection.NEVER_TWEET_ANGRY, """
                    Never say online what you wouldn't say to someone's face, and never tweet while angry. If you \
                    feel heated, take a breather and come back later. Capitals read as shouting, and "!!!" as anger. \
                    If someone sends us an angry post, we don't answer in the same way (or at all)."""),
            Map.entry(GuidanceSection.MENTIONS, """
                    Include @name in the body of a post and it appears in that account's mentions, even if they don't \
                    follow us. But a post that starts with @name is seen in home timelines only by people who follow \
                    both us and them. If all our followers should see it, put a full stop first: .@physiotalk"""),
            Map.entry(GuidanceSection.ACCESSIBILITY, """
                    Make every post accessible: describe every image in its alt text, for people who use screen \
                    readers. Write hashtags that join several words in CamelCase (#MentalHealthAwareness), so that \
                    screen readers read the words."""),
            Map.entry(GuidanceSection.WRITING_FOR_X, """
                    A post has at most 280 characters as X counts them: every link counts as 23, and emoji and many \
                    Asian characters count double. Use the post to spark a conversation, and link to more."""),
            Map.entry(GuidanceSection.ORGANISATION_POLICY, """
                    Some words and phrases are never used in our posts. The communications team keeps the list in \
                    the organisation's policy; ask them if you are unsure why a word is refused."""),
            Map.entry(GuidanceSection.PUBLISHING_TIMES, """
                    We publish within our publishing hours, when someone can answer replies. A post outside them \
                    needs a reason."""),
            Map.entry(GuidanceSection.PRE_ELECTION, """
                    Before elections (the pre-election period), NHS organisations stay neutral. A post that names a \
                    politician or a political party in that period needs a reason and an extra approval."""));
}
