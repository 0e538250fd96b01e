package org.noticeboard.workflow;

import java.time.Instant;

/** One saved version of an account's workflow. */
public record Workflow(long accountId, int version, WorkflowDefinition definition, String createdByName, Instant createdAt) {}
