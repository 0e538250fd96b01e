package org.noticeboard.post;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The rules of independent approval, shared by review (which refuses what breaks them) and the
 * compliance report (which names every published post that broke them, before or after they were
 * enforced):
 * <ul>
 *   <li>nobody approves a post they wrote or edited (any revision of it);</li>
 *   <li>nobody approves two steps of one revision in one review round;</li>
 *   <li>so a post is decided by at least as many independent people as its applicable steps.</li>
 * </ul>
 */
public final class FourEyes {

    private FourEyes() {}

    /** One applicable step of a workflow, as the rules need it: {@code everyone} for ALL, with the members it names. */
    public record Step(int number, String name, boolean everyone, Set<Long> named) {
        public Step {
            named = Set.copyOf(named);
        }
    }

    /** The approvals that count now: of this round, this revision and its content. */
    static List<Decision> counting(List<Decision> decisions, Revision revision, int round) {
        return decisions.stream()
                .filter(d -> d.approved() && d.round() == round && d.revision() == revision.number()
                        && d.contentHash().equals(revision.contentHash()))
                .toList();
    }

    /** Why the member may not approve {@code step} now, in words for them; null when they may. */
    static @Nullable String refusal(long memberId, int step, Set<Long> contributors, List<Decision> counting) {
        if (contributors.contains(memberId)) {
            return "You wrote or edited this post, so you cannot approve it: someone who did neither must.";
        }
        for (Decision d : counting) {
            if (d.memberId() == memberId && d.step() == step) {
                return "You have already approved this revision at step " + step + ".";
            }
        }
        for (Decision d : counting) {
            if (d.memberId() == memberId) {
                return "You approved step " + d.step() + " of this revision; each step needs a different person, so "
                        + "another approver must decide step " + step + ".";
            }
        }
        return null;
    }

    /**
     * What keeps these steps from counting as decided by independent people, one sentence per step
     * (empty when nothing does). {@code approvers} holds, by step number, who approved it on the
     * revision that went out in the round that sent it. Each step needs its own person (a matching
     * of people to steps, so one person approving two steps counts once); a step for ALL needs every
     * member it names who neither contributed nor approved another step.
     */
    public static List<String> shortfall(List<Step> steps, Set<Long> contributors, Map<Integer, Set<Long>> approvers) {
        Map<Integer, Set<Long>> independent = new HashMap<>();
        for (Step step : steps) {
            var people = new HashSet<>(approvers.getOrDefault(step.number(), Set.of()));
            people.removeAll(contributors);
            independent.put(step.number(), people);
        }
        Map<Long, Integer> assigned = new HashMap<>();
        for (Step step : steps) {
            assign(step.number(), independent, assigned, new HashSet<>());
        }
        var missing = new ArrayList<String>();
        for (Step step : steps) {
            boolean own = assigned.containsValue(step.number());
            if (!own) {
                boolean approvedAtAll = !approvers.getOrDefault(step.number(), Set.of()).isEmpty();
                missing.add(!approvedAtAll ? "no approval at step " + step.number() + " (\"" + step.name() + "\")"
                        : "step " + step.number() + " (\"" + step.name() + "\") has no approval by someone who neither wrote "
                        + "nor edited the post nor approved another of its steps: it was approved only by "
                        + (independent.get(step.number()).isEmpty() ? "its author or editor" : "someone who also approved another step"));
                continue;
            }
            if (step.everyone() && !step.named().isEmpty()) {
                var others = new HashSet<Long>();
                approvers.forEach((number, people) -> {
                    if (number != step.number()) {
                        others.addAll(people);
                    }
                });
                var needed = new HashSet<>(step.named());
                needed.removeAll(contributors);
                needed.removeAll(others);
                if (!independent.get(step.number()).containsAll(needed)) {
                    missing.add("step " + step.number() + " (\"" + step.name() + "\") needed every one of its named approvers");
                }
            }
        }
        return missing;
    }

    /** Kuhn's augmenting path: gives the step a person of its own, moving others where they can go. */
    private static boolean assign(int step, Map<Integer, Set<Long>> independent, Map<Long, Integer> assigned, Set<Long> tried) {
        for (long person : independent.get(step)) {
            if (!tried.add(person)) {
                continue;
            }
            Integer holder = assigned.get(person);
            if (holder == null || assign(holder, independent, assigned, tried)) {
                assigned.put(person, step);
                return true;
            }
        }
        return false;
    }
}
