package org.learningloop.reporting;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Every table of the reports page as CSV (RFC 4180: CRLF, quoted where needed, UTF-8), for the same
 * period. A REST controller, so that a bad period is answered with problem details rather than a
 * page.
 */
@RestController
@PreAuthorize(ReportRoles.READ)
class ReportCsvController {

  static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

  private final Reports reports;

  ReportCsvController(Reports reports) {
    this.reports = reports;
  }

  @GetMapping("/reports/{name}.csv")
  @Operation(
      operationId = "reportTableCsv",
      summary = "One table of the reports page as CSV (RFC 4180, UTF-8)")
  @ApiResponse(
      responseCode = "200",
      description = "The table, header row first",
      content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
  @ApiResponse(responseCode = "400", description = "Missing, malformed or reversed period")
  @ApiResponse(responseCode = "404", description = "No such table")
  ResponseEntity<String> csv(
      @PathVariable String name,
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    ReportPeriod period = ReportPeriod.parse(from, to);
    ReportTable table = reports.table(name, period);
    return ResponseEntity.ok()
        .contentType(TEXT_CSV)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(name + "-" + period.from() + "-to-" + period.to() + ".csv")
                .build()
                .toString())
        .body(write(table));
  }

  static String write(ReportTable table) {
    StringWriter out = new StringWriter();
    try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
      printer.printRecord(table.headers());
      for (List<String> row : table.rows()) {
        List<String> safe = new ArrayList<>(row.size());
        row.forEach(cell -> safe.add(defused(cell)));
        printer.printRecord(safe);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e); // writing to a string never fails
    }
    return out.toString();
  }

  /** A theme typed as "=HYPERLINK(…)" must not become a formula in a spreadsheet. */
  private static String defused(String cell) {
    if (!cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
      return "'" + cell;
    }
    return cell;
  }
}
