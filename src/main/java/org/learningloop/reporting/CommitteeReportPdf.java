package org.learningloop.reporting;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FSFontUseCase;
import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder.FontStyle;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder.PdfAConformance;
import com.openhtmltopdf.svgsupport.BatikSVGDrawer;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Turns the committee report's HTML (the very page, rendered in PDF mode) into an accessible PDF
 * with openhtmltopdf: tagged for PDF/UA (headings, paragraphs, lists, tables and figures in reading
 * order, the title and language from the page, each chart a Figure whose alternative text states
 * its figures) and PDF/A-3u (every font embedded; Liberation Sans, metrically the same as Arial,
 * ships with the application so the output does not depend on the machine's fonts). Inline SVG
 * charts are drawn as vectors through Batik. The stylesheet is read from the application's own
 * static files.
 */
@Component
class CommitteeReportPdf {

  /** The family the stylesheet names for the PDF. */
  static final String FONT_FAMILY = "Liberation Sans";

  /**
   * Relative links in the PDF's HTML (the stylesheet) resolve against the application's static
   * files.
   */
  private final String baseUri;

  private final byte[] regular;
  private final byte[] bold;
  private final byte[] colourProfile;

  CommitteeReportPdf() {
    URL stylesheet =
        Objects.requireNonNull(
            CommitteeReportPdf.class.getResource("/static/css/committee.css"), "committee.css");
    String url = stylesheet.toExternalForm();
    this.baseUri = url.substring(0, url.length() - "css/committee.css".length());
    this.regular = resource("/fonts/LiberationSans-Regular.ttf");
    this.bold = resource("/fonts/LiberationSans-Bold.ttf");
    this.colourProfile = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();
  }

  byte[] render(String xhtml) {
    ByteArrayOutputStream pdf = new ByteArrayOutputStream();
    try {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.usePdfAConformance(PdfAConformance.PDFA_3_U);
      builder.useColorProfile(colourProfile);
      FSSupplier<InputStream> regularFont = () -> new ByteArrayInputStream(regular);
      FSSupplier<InputStream> boldFont = () -> new ByteArrayInputStream(bold);
      // The document's, the charts' and the last-resort font alike, so no text falls back to a font
      // that is not embedded.
      Set<FSFontUseCase> everywhere =
          EnumSet.of(FSFontUseCase.DOCUMENT, FSFontUseCase.SVG, FSFontUseCase.FALLBACK_FINAL);
      builder.useFont(regularFont, FONT_FAMILY, 400, FontStyle.NORMAL, true, everywhere);
      builder.useFont(boldFont, FONT_FAMILY, 700, FontStyle.NORMAL, true, everywhere);
      builder.useSVGDrawer(new BatikSVGDrawer());
      builder.withProducer("Learning Loop");
      builder.withHtmlContent(xhtml, baseUri);
      builder.toStream(pdf);
      builder.run();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not render the committee report as PDF", e);
    }
    return pdf.toByteArray();
  }

  private static byte[] resource(String path) {
    try (InputStream in =
        Objects.requireNonNull(CommitteeReportPdf.class.getResourceAsStream(path), path)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read " + path, e);
    }
  }
}
