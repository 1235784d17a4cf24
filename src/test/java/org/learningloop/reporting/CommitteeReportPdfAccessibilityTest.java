package org.learningloop.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;

/**
 * The committee report's PDF as assistive technology meets it: read back with PDFBox, it is tagged
 * (a structure tree of headings, paragraphs, lists, tables and figures), declares its language and
 * title, embeds every font, claims PDF/UA and PDF/A, and gives each chart an alternative text that
 * states its figures.
 */
class CommitteeReportPdfAccessibilityTest extends SeedScenario {

  @Test
  void thePdfIsTaggedTitledInEnglishWithEmbeddedFontsAndChartsThatStateTheirFigures()
      throws Exception {
    byte[] pdf =
        mvc.perform(
                get("/reports/committee.pdf?from=2023-12&to=2024-01")
                    .with(httpBasic("assistant-director", "demo")))
            .andExpect(status().isOk())
            .andReturn()
            .getResponse()
            .getContentAsByteArray();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var catalog = document.getDocumentCatalog();
      assertThat(catalog.getMarkInfo()).isNotNull();
      assertThat(catalog.getMarkInfo().isMarked()).isTrue();
      assertThat(catalog.getLanguage()).isEqualTo("en");
      assertThat(document.getDocumentInformation().getTitle())
          .isEqualTo("Summary of Recent Audit Activity, December 2023 and January 2024");
      assertThat(catalog.getViewerPreferences().displayDocTitle()).isTrue();
      String metadata = new String(catalog.getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(metadata).contains("pdfuaid:part").contains("pdfaid:part");

      List<PDStructureElement> elements = new ArrayList<>();
      collect(catalog.getStructureTreeRoot(), elements);
      List<String> types = elements.stream().map(PDStructureElement::getStructureType).toList();
      assertThat(types).contains("H1", "H2", "H3", "P", "L", "LI", "Table", "TR", "TH", "TD");

      List<PDStructureElement> figures =
          elements.stream().filter(e -> "Figure".equals(e.getStructureType())).toList();
      // The twelve-month trend, one chart per month, the factors, the follow-ups' status and
      // timeliness.
      assertThat(figures).hasSizeGreaterThanOrEqualTo(5);
      assertThat(figures).allSatisfy(f -> assertThat(f.getAlternateDescription()).isNotBlank());
      List<String> alts =
          figures.stream().map(PDStructureElement::getAlternateDescription).toList();
      assertThat(alts)
          .anySatisfy(
              a ->
                  assertThat(a)
                      .startsWith("Audit judgements post moderation, February 2023 – January 2024")
                      .contains("February 2023: 7 Inadequate")
                      .contains("January 2024: 2 Inadequate"))
          .anySatisfy(
              a ->
                  assertThat(a)
                      .startsWith("Contributory factors of inadequate audits")
                      .contains("9 of 20"));

      // Every font the pages use is embedded.
      for (PDPage page : document.getPages()) {
        PDResources resources = page.getResources();
        for (COSName name : resources.getFontNames()) {
          PDFont font = resources.getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  private static void collect(PDStructureNode node, List<PDStructureElement> into) {
    for (Object kid : node.getKids()) {
      if (kid instanceof PDStructureElement element) {
        into.add(element);
        collect(element, into);
      }
    }
  }
}
