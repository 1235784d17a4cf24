package org.learningloop.reporting;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;

/** What a report's PDF says, as one line of text to search. */
final class PdfText {

  private PdfText() {}

  /** The PDF's text with white space folded to single spaces and the page footers taken out. */
  static String of(byte[] pdf) throws Exception {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return of(document);
    }
  }

  /** The same, of a document already open. */
  static String of(PDDocument document) throws Exception {
    return new PDFTextStripper()
        .getText(document)
        .replaceAll("\\s+", " ")
        // The page footer (a pagination artifact) falls wherever a page breaks a sentence.
        .replaceAll("Page \\d+ of \\d+ ", "");
  }
}
