package org.noticeboard.policy;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The organisation's values for the rules.
 *
 * @param bannedTerms words and phrases never to publish (matched after Unicode normalisation)
 * @param allowedLinkDomains when not empty, links may point only at these domains (and their subdomains)
 * @param deniedLinkDomains links may never point at these domains (and their subdomains)
 * @param publishedPhoneNumbers the organisation's own published numbers, which posts may contain
 * @param publishedEmailAddresses the organisation's own published addresses, which posts may contain
 * @param hospitalNumberPattern a Java regular expression for the organisation's hospital numbers, or null
 * @param publishingStart start of publishing hours (local time of the organisation), or null for any time
 * @param publishingEnd end of publishing hours, exclusive
 * @param publishingDays days on which posts may be published
 * @param preElectionPeriods periods in which naming a political stakeholder needs care
 * @param politicalStakeholders X handles (with @) or names of political stakeholders
 * @param capitalsPercent share of capital letters (of all letters, in posts of 20 letters or more) that counts as shouting
 * @param extraToneWords the organisation's additions to the built-in profanity and hostility list
 */
public record PolicyParameters(
        List<String> bannedTerms,
        List<String> allowedLinkDomains,
        List<String> deniedLinkDomains,
        List<String> publishedPhoneNumbers,
        List<String> publishedEmailAddresses,
        @Nullable String hospitalNumberPattern,
        @Nullable LocalTime publishingStart,
        @Nullable LocalTime publishingEnd,
        Set<DayOfWeek> publishingDays,
        List<DateRange> preElectionPeriods,
        List<String> politicalStakeholders,
        int capitalsPercent,
        List<String> extraToneWords) {

    public PolicyParameters {
        bannedTerms = List.copyOf(bannedTerms);
        allowedLinkDomains = List.copyOf(allowedLinkDomains);
        deniedLinkDomains = List.copyOf(deniedLinkDomains);
        publishedPhoneNumbers = List.copyOf(publishedPhoneNumbers);
        publishedEmailAddresses = List.copyOf(publishedEmailAddresses);
        publishingDays = Set.copyOf(publishingDays);
        preElectionPeriods = List.copyOf(preElectionPeriods);
        politicalStakeholders = List.copyOf(politicalStakeholders);
        extraToneWords = List.copyOf(extraToneWords);
    }
}
