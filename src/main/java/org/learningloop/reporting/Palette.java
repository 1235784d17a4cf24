package org.learningloop.reporting;

import java.util.LinkedHashMap;
import java.util.Map;
import org.learningloop.audit.Grade;

/**
 * The one set of colours every chart draws with, from the GOV.UK Frontend palette; the grades'
 * patterns in {@code reports/charts.html} take theirs from here too. Colour never carries meaning
 * alone: every bar has its number as text, every grade a texture of its own.
 */
enum Palette {
  INK("#0b0c0c"),
  PAPER("#ffffff"),
  BLUE("#1d70b8"),
  GREEN("#00703c"),
  LIGHT_GREEN("#85994b"),
  ORANGE("#f47738"),
  RED("#d4351c"),
  GREY("#505a5f");

  private final String hex;

  Palette(String hex) {
    this.hex = hex;
  }

  String hex() {
    return hex;
  }

  /** The colour of a grade, under its pattern. */
  static Palette of(Grade grade) {
    return switch (grade) {
      case OUTSTANDING -> GREEN;
      case GOOD -> LIGHT_GREEN;
      case REQUIRES_IMPROVEMENT -> ORANGE;
      case INADEQUATE -> RED;
    };
  }

  /** Every colour by name, and each grade's, for the template: {@code ${chart.colours['INK']}}. */
  static final Map<String, String> BY_NAME = byName();

  private static Map<String, String> byName() {
    Map<String, String> colours = new LinkedHashMap<>();
    for (Palette p : values()) {
      colours.put(p.name(), p.hex);
    }
    for (Grade grade : Grade.values()) {
      colours.put(grade.name(), of(grade).hex);
    }
    return Map.copyOf(colours);
  }
}
