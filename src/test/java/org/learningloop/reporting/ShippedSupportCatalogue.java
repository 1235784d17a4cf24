package org.learningloop.reporting;

import java.util.List;
import java.util.Optional;
import org.learningloop.catalogue.CatalogueEntry;
import org.learningloop.catalogue.Catalogues;

/**
 * The support types the migrations ship, in their order: for reports computed without the
 * application's JPA.
 */
final class ShippedSupportCatalogue implements Catalogues {

  private final List<CatalogueEntry> types =
      List.of(
          new CatalogueEntry("ASSESSMENT_TRAINING_REFRESH", "Refresh of assessment training", true),
          new CatalogueEntry("CARE_PLANNING_VIDEO", "Review of the care planning video", true),
          new CatalogueEntry("INDIVIDUAL_COACHING", "Individual coaching", true),
          new CatalogueEntry("TEAM_SESSION", "Team session", true),
          new CatalogueEntry("OTHER", "Other", true));

  @Override
  public List<CatalogueEntry> factors() {
    return List.of();
  }

  @Override
  public List<CatalogueEntry> supportTypes() {
    return types;
  }

  @Override
  public Optional<CatalogueEntry> factor(String code) {
    return Optional.empty();
  }

  @Override
  public Optional<CatalogueEntry> supportType(String code) {
    return types.stream().filter(t -> t.code().equals(code)).findFirst();
  }
}
