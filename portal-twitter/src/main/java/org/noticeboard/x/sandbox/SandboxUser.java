package org.noticeboard.x.sandbox;

import java.time.Instant;

/** A user of the sandbox's X; ids are X-like numeric strings. */
public record SandboxUser(String id, String username, String name, String description, Instant createdAt) {}
