package org.noticeboard.tweetchat;

import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.noticeboard.post.PostState;

/** A planned tweet chat and its questions, each an ordinary post with its own state. */
public record TweetChat(long id, long accountId, String accountHandle, @Nullable Long campaignId, String title,
        String hashtag, ZonedDateTime startsAt, ZonedDateTime endsAt, List<Question> questions) {

    public TweetChat {
        questions = List.copyOf(questions);
    }

    public record Question(int number, long postId, String text, @Nullable ZonedDateTime at, PostState state,
            int revision, int version) {}

    /** Every question is in the same state (e.g. all SCHEDULED), or null when they differ. */
    public @Nullable PostState commonState() {
        var states = questions.stream().map(Question::state).distinct().toList();
        return states.size() == 1 ? states.getFirst() : null;
    }
}
