package org.learningloop.audit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;
import org.springframework.validation.annotation.Validated;

/**
 * @param importMaxSize the largest import file accepted; larger ones get 413
 * @param importMaxRows the most rows one import file may hold
 */
@Validated
@ConfigurationProperties("learning-loop.audit")
public record AuditProperties(
    @NotNull DataSize importMaxSize, @Min(1) @Max(1_000_000) int importMaxRows) {}
