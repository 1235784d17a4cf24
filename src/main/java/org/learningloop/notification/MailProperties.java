package org.learningloop.notification;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param from the sender of every message
 * @param dropFolder when set, messages are written there as {@code .eml} files instead of being
 *     sent by SMTP
 * @param baseUrl where the links in messages point, e.g. {@code
 *     https://learningloop.council.gov.uk}
 */
@Validated
@ConfigurationProperties("learning-loop.mail")
public record MailProperties(
    @NotBlank @Email String from, Path dropFolder, @NotBlank String baseUrl) {}
