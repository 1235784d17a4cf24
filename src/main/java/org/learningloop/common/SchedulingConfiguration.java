package org.learningloop.common;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Turns on {@code @Scheduled} for every module (the outbox's polling, the reminder sweep, the
 * retention purges, the lock-out's clean-up); it belongs to none of them.
 */
@Configuration
@EnableScheduling
class SchedulingConfiguration {}
