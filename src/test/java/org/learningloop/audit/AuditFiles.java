package org.learningloop.audit;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Builds import files for tests: a valid row by default, each test changing only what it is about.
 */
final class AuditFiles {

  static final String AREA = "Test Service";
  static final String TEAM = "Test Team A";

  private AuditFiles() {}

  /** A valid, unmoderated deep dive graded Requires Improvement, in the test team. */
  static Map<String, String> row(String ref) {
    Map<String, String> row = new LinkedHashMap<>();
    AuditField.CSV_HEADER.forEach(c -> row.put(c, ""));
    row.put("audit_ref", ref);
    row.put("audit_date", "2024-01-10");
    row.put("audit_type", "DEEP_DIVE");
    row.put("service_area", AREA);
    row.put("team", TEAM);
    row.put("practitioner_email", "pat.worker@council.example");
    row.put("practitioner_name", "Pat Worker");
    row.put("team_manager_email", "terry.lead@council.example");
    row.put("team_manager_name", "Terry Lead");
    row.put("child_ref", "C-" + Math.abs(ref.hashCode()) % 1000000);
    row.put("auditor_email", "auditor@learningloop.example");
    row.put("grade", "REQUIRES_IMPROVEMENT");
    return row;
  }

  static Map<String, String> with(Map<String, String> row, String... pairs) {
    Map<String, String> changed = new LinkedHashMap<>(row);
    for (int i = 0; i < pairs.length; i += 2) {
      changed.put(pairs[i], pairs[i + 1]);
    }
    return changed;
  }

  static String csv(List<Map<String, String>> rows) {
    return csv(rows, "\n");
  }

  static String csv(List<Map<String, String>> rows, String lineBreak) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer =
        new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator(lineBreak).get())) {
      printer.printRecord(AuditField.CSV_HEADER);
      for (Map<String, String> row : rows) {
        printer.printRecord(AuditField.CSV_HEADER.stream().map(row::get).toList());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }
}
