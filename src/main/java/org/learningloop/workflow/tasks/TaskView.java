package org.learningloop.workflow.tasks;

import java.time.Instant;

/**
 * One open task in a task list.
 *
 * @param taskKey the task's id in the process model, e.g. {@code Task_AllocateFollowUp}
 * @param link where the person acts on it
 * @param actionId the action the task is about, for an action's task (then {@code followUpId} is
 *     null and {@code auditRef} holds the dip sample's or audit's ref)
 * @param moderationRequestId the moderation queue entry the task is about, for a moderation task
 *     (then {@code auditRef} is the audit's ref and the link its page)
 */
public record TaskView(
    String taskId,
    Long followUpId,
    String auditRef,
    String taskKey,
    String name,
    String assignee,
    String candidateGroup,
    Instant dueAt,
    Instant createdAt,
    boolean overdue,
    String link,
    Long actionId,
    Long moderationRequestId) {}
