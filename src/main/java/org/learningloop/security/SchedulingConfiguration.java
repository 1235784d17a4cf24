package org.learningloop.security;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Runs the nightly retention purges. */
@Configuration
@EnableScheduling
class SchedulingConfiguration {}
