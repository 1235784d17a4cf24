/**
 * Task lists from our own indexed read model of open user tasks ({@code open_task}), kept in step
 * with the engine by a task listener on every user task, in the engine's transaction: a task
 * appears when created, follows its assignee and due date, and disappears when completed or
 * deleted. The engine's candidate-group queries are too slow at 100,000 open tasks; these lists are
 * not.
 *
 * <p>Opened on purpose as the workflow module's named interface {@code tasks}: other modules (the
 * reminders) read open tasks through {@link org.learningloop.workflow.tasks.OpenTasks} and {@link
 * org.learningloop.workflow.tasks.TaskView}; the listener and the engine plugin stay
 * package-private.
 */
@NamedInterface("tasks")
package org.learningloop.workflow.tasks;

import org.springframework.modulith.NamedInterface;
