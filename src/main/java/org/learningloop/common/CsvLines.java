package org.learningloop.common;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.learningloop.common.DomainException.FieldError;

/** The data lines of an uploaded CSV file, read the same way by every import. */
public final class CsvLines {

  /** What an import does with one well-formed line. */
  @FunctionalInterface
  public interface Reader {
    void line(long number, CSVRecord record);
  }

  private CsvLines() {}

  /**
   * Reads the lines after the header: blank lines carry nothing; a line with another number of
   * fields than the header is an error naming it; broken quoting is an error that ends the reading,
   * since nothing after it can be trusted. Answers the errors, one a bad line.
   */
  public static List<FieldError> read(
      CSVParser parser, Iterator<CSVRecord> records, int fields, Reader reader) {
    List<FieldError> errors = new ArrayList<>();
    while (true) {
      long line = parser.getCurrentLineNumber() + 1;
      CSVRecord record;
      try {
        if (!records.hasNext()) {
          return errors;
        }
        record = records.next();
      } catch (UncheckedIOException | IllegalStateException e) {
        errors.add(
            new FieldError(
                "line " + line,
                "broken quoting: a field holding a comma, quote or line break must be enclosed"
                    + " in double quotes, and a quote inside it doubled"));
        return errors;
      }
      if (record.size() == 1 && record.get(0).isBlank()) {
        continue;
      }
      if (record.size() != fields) {
        errors.add(
            new FieldError(
                "line " + line, "has " + record.size() + " fields; the header has " + fields));
        continue;
      }
      reader.line(line, record);
    }
  }
}
