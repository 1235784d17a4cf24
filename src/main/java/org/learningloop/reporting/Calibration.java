package org.learningloop.reporting;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.learningloop.audit.Grade;

/**
 * The auditors' calibration over a period, for PI leads only: how often moderation kept each
 * auditor's grade, which way it moved the others, and Cohen's linear-weighted kappa, for all
 * auditors, each auditor, each month and each auditor's quarters. Rows of fewer than 5 moderated
 * audits, and those hidden to protect them ({@link SmallCountSuppression}), carry a label instead
 * of figures. Never part of the committee report or the report API.
 *
 * @param overall every auditor together
 * @param auditors by auditor name
 * @param months every month of the period
 * @param auditorQuarters each auditor's calendar quarters (clipped to the period), auditor by
 *     auditor
 * @param pairs every moderated pair of the period (the 4×4 table and the grade changes), shown only
 *     when the overall row is
 */
record Calibration(
    ReportPeriod period,
    Row overall,
    List<Row> auditors,
    List<Row> months,
    List<Row> auditorQuarters,
    GradeAgreement pairs) {

  static final String KAPPA_HEADER = "Weighted kappa (linear)";
  static final List<String> FIGURE_HEADERS =
      List.of("Moderated", "Agreed", "Agreement (%)", "Moved up", "Moved down", KAPPA_HEADER);

  /** The figures' column headings, after the column naming the row (for the page). */
  public List<String> figureHeaders() {
    return FIGURE_HEADERS;
  }

  /**
   * One row: whose, which months, its pairs, and the label shown instead of its figures (null when
   * they are shown).
   */
  record Row(String auditor, String period, GradeAgreement agreement, String hidden) {

    public boolean shown() {
      return hidden == null;
    }

    /** Moderated, agreed, agreement (%), moved up, moved down, kappa; or the label and blanks. */
    public List<String> figures() {
      if (!shown()) {
        return List.of(hidden, "", "", "", "", "");
      }
      if (agreement.moderated() == 0) {
        return List.of("0", "", "", "", "", "");
      }
      return List.of(
          Long.toString(agreement.moderated()),
          Long.toString(agreement.agreed()),
          Percent.oneDecimal(agreement.agreementPercent()),
          Long.toString(agreement.upward()),
          Long.toString(agreement.downward()),
          agreement.weightedKappa().map(k -> k.toPlainString()).orElse("not defined"));
    }
  }

  /** A moved grade: from the auditor's to the moderator's, how many and in which direction. */
  record Change(Grade from, Grade to, long audits) {

    public String direction() {
      return to.ordinal() < from.ordinal() ? "Up" : "Down";
    }
  }

  public boolean pairsShown() {
    return overall.shown();
  }

  /** The moved grades of the whole period, most frequent first; none when hidden. */
  public List<Change> changes() {
    List<Change> changes = new ArrayList<>();
    if (!pairsShown()) {
      return changes;
    }
    for (Grade from : Grade.values()) {
      for (Grade to : Grade.values()) {
        long n = pairs.count(from, to);
        if (from != to && n > 0) {
          changes.add(new Change(from, to, n));
        }
      }
    }
    changes.sort(Comparator.comparingLong(Change::audits).reversed());
    return changes;
  }

  /**
   * The whole calibration as one CSV table: every row of every table of the page, a column saying
   * which, with the same labels where figures are hidden; then the grade pairs of all auditors.
   */
  ReportTable csv() {
    List<String> headers = new ArrayList<>(List.of("Table", "Auditor", "Period"));
    headers.addAll(List.of("Auditor grade", "Moderated grade"));
    headers.addAll(FIGURE_HEADERS);
    List<List<String>> rows = new ArrayList<>();
    csvRow(rows, "All auditors", overall);
    auditors.forEach(row -> csvRow(rows, "By auditor", row));
    months.forEach(row -> csvRow(rows, "By month", row));
    auditorQuarters.forEach(row -> csvRow(rows, "By auditor and quarter", row));
    for (Grade from : Grade.values()) {
      for (Grade to : Grade.values()) {
        long n = pairs.count(from, to);
        if (pairsShown() && n > 0) {
          GradeAgreement pair = new GradeAgreement().add(from, to, n);
          List<String> row =
              new ArrayList<>(
                  List.of(
                      "Grade pairs",
                      overall.auditor(),
                      overall.period(),
                      from.label(),
                      to.label()));
          row.addAll(new Row(null, null, pair, null).figures().subList(0, 5));
          row.add("");
          rows.add(row);
        }
      }
    }
    return new ReportTable("calibration", "Calibration", headers, rows, false);
  }

  private static void csvRow(List<List<String>> rows, String table, Row row) {
    List<String> cells = new ArrayList<>(List.of(table, row.auditor(), row.period(), "", ""));
    cells.addAll(row.figures());
    rows.add(cells);
  }
}
