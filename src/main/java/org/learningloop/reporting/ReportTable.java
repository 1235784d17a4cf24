package org.learningloop.reporting;

import java.util.List;

/**
 * A table of a report, as the page shows it and as its CSV download ({@code /reports/{name}.csv})
 * holds it: one source for both, so they never disagree.
 *
 * @param numeric every column after the first holds numbers (right-aligned)
 */
record ReportTable(
    String name, String caption, List<String> headers, List<List<String>> rows, boolean numeric) {

  ReportTable {
    headers = List.copyOf(headers);
    rows = rows.stream().map(List::copyOf).toList();
  }
}
