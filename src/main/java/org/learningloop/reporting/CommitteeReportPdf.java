package org.learningloop.reporting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.Objects;
import org.springframework.stereotype.Component;

/**
 * Turns the committee report's HTML (the very page, rendered in PDF mode) into a PDF with
 * openhtmltopdf; its inline SVG charts are drawn as vectors through Batik. The stylesheet is read
 * from the application's own static files.
 */
@Component
class CommitteeReportPdf {

  /**
   * Relative links in the PDF's HTML (the stylesheet) resolve against the application's static
   * files.
   */
  private final String baseUri;

  CommitteeReportPdf() {
    URL stylesheet =
        Objects.requireNonNull(
            CommitteeReportPdf.class.getResource("/static/css/committee.css"), "committee.css");
    String url = stylesheet.toExternalForm();
    this.baseUri = url.substring(0, url.length() - "css/committee.css".length());
  }

  byte[] render(String xhtml) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.withHtmlContent(xhtml, baseUri);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the committee report as PDF", e);
    }
    return pdf.toByteArray();
  }
}
