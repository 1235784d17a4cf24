package org.learningloop.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param users create the demo users (password {@code demo}) at start-up; embedded default only
 * @param data create the demo data (audits, and what follows from them) at start-up; embedded
 *     default only
 */
@ConfigurationProperties("learning-loop.demo")
public record DemoProperties(boolean users, boolean data) {}
