package org.noticeboard.stakeholder;

/**
 * A stakeholder just saved or refreshed, with what checking its handle against X gave: {@code
 * message} says it in words (found, unknown to X, or why it could not be checked).
 */
public record CheckedStakeholder(Stakeholder stakeholder, XCheck check, String message) {}
