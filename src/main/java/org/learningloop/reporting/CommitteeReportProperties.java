package org.learningloop.reporting;

import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * The committee report's cover, as the council's report template has it. Defaults in {@code
 * application.yml}; the contact officer is left off the cover while not configured.
 *
 * @param committee who the report goes to
 * @param reportOf whose report it is (a post, not a person)
 * @param wardsAffected usually "(All Wards)"
 * @param contactName the contact officer; blank leaves the contact block out
 */
@Validated
@ConfigurationProperties("learning-loop.reports.committee")
public record CommitteeReportProperties(
    @NotBlank String committee,
    @NotBlank String reportOf,
    @NotBlank String wardsAffected,
    String contactName,
    String contactPhone,
    String contactEmail) {

  public boolean hasContact() {
    return contactName != null && !contactName.isBlank();
  }
}
