package org.noticeboard.tweetchat;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A tweet chat to plan: the account that hosts it, an optional campaign, a title, the chat's hashtag
 * (added to every question that lacks it), the questions Q1..Qn in order, and an optional
 * justification given for every policy warning the questions raise (for example publishing at 8 pm).
 */
public record ChatPlan(long accountId, @Nullable Long campaignId, @Nullable String title, @Nullable String hashtag,
        List<ChatQuestion> questions, @Nullable String justification) {

    public ChatPlan {
        questions = List.copyOf(questions);
    }
}
