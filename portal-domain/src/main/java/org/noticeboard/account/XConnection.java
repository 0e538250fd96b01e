package org.noticeboard.account;

import java.time.Instant;

/** The X user an official account is connected to, as X named it when it was connected. */
public record XConnection(String xUserId, String username, String name, Instant connectedAt) {}
