package org.learningloop.directory.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.learningloop.directory.StaffCsvImport;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Staff in bulk over HTTP, for administrators: {@code POST /api/admin/staff/import} with a CSV body
 * ({@code text/csv}); all or nothing, idempotent by username (see {@link StaffCsvImport}).
 */
@RestController
@PreAuthorize("hasRole('ADMIN')")
class StaffImportController {

  /** Far more than a county's few hundred staff need. */
  static final int MAX_BYTES = 2 * 1024 * 1024;

  private final StaffCsvImport importer;

  StaffImportController(StaffCsvImport importer) {
    this.importer = importer;
  }

  @PostMapping(path = "/api/admin/staff/import", consumes = "text/csv")
  @Operation(
      operationId = "importStaff",
      summary = "Load staff from a CSV file (admins)",
      description =
          "Columns username,email,name,roles,team,service_area; roles separated by ';'. All or"
              + " nothing: any bad row gives 400 problem details naming every bad line and column,"
              + " and nothing is written. Idempotent by username; the answer counts created,"
              + " updated and unchanged people, row by row.",
      requestBody =
          @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
  @ApiResponse(responseCode = "200", description = "Loaded")
  @ApiResponse(
      responseCode = "413",
      description = "File too large",
      content = @Content(mediaType = "application/problem+json"))
  StaffCsvImport.Result importStaff(HttpServletRequest request) throws IOException {
    return importer.importFile(readLimited(request));
  }

  private static byte[] readLimited(HttpServletRequest request) throws IOException {
    if (request.getContentLengthLong() > MAX_BYTES) {
      throw StaffFileTooLarge.of(MAX_BYTES);
    }
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    byte[] buffer = new byte[8192];
    try (InputStream in = request.getInputStream()) {
      for (int n; (n = in.read(buffer)) != -1; ) {
        body.write(buffer, 0, n);
        if (body.size() > MAX_BYTES) {
          throw StaffFileTooLarge.of(MAX_BYTES);
        }
      }
    }
    return body.toByteArray();
  }
}
