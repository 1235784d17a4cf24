package org.learningloop.audit;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.learningloop.common.CsvLines;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.Person;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Imports an audit file (the CSV contract in the README): all or nothing, idempotent by {@code
 * audit_ref}. Every row is checked before anything is written, so one answer names every bad line
 * and field.
 */
@Service
class AuditCsvImport {

  /** Refs per query when loading the stored audits a file names. */
  private static final int CHUNK = 500;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(false).get();

  private final AuditRegister register;
  private final AuditRepository audits;
  private final AuditWriter writer;
  private final AuditProperties properties;
  private final AuditImportMetrics metrics;
  private final ModerationRights moderationRights;

  /**
   * Who imports: the actor recorded on what the file changes, and whether they may load
   * moderations.
   */
  record Importer(String email, boolean moderator) {
    static Importer of(Person person, java.security.Principal principal) {
      return new Importer(person.email(), ModerationRights.isModerator(principal));
    }
  }

  AuditCsvImport(
      AuditRegister register,
      AuditRepository audits,
      AuditWriter writer,
      AuditProperties properties,
      AuditImportMetrics metrics,
      ModerationRights moderationRights) {
    this.moderationRights = moderationRights;
    this.register = register;
    this.audits = audits;
    this.writer = writer;
    this.properties = properties;
    this.metrics = metrics;
  }

  /** One data row and the line of the file it starts on. */
  private record Row(long line, AuditDraft draft) {}

  @Transactional
  AuditImportResult importFile(byte[] content, Importer importer) {
    if (content.length > properties.importMaxSize().toBytes()) {
      throw tooLarge();
    }
    List<Row> rows = parse(decode(content));

    Map<String, Audit> existing = loadExisting(rows);
    AuditValidator validator = register.validator();
    List<FieldError> errors = new ArrayList<>();
    Set<Long> badLines = new TreeSet<>();
    Map<String, Long> firstLineOfRef = new HashMap<>();
    List<ValidAudit> valid = new ArrayList<>();
    for (Row row : rows) {
      int before = errors.size();
      String ref = row.draft().ref() == null ? null : row.draft().ref().strip();
      Audit stored = ref == null ? null : existing.get(ref);
      Function<AuditField, String> name = f -> "line " + row.line() + ", " + f.column();
      ValidAudit audit =
          validator.check(row.draft(), stored == null ? null : stored.state(), name, errors);
      if (audit != null) {
        moderationRights.mayWrite(audit, stored, importer.moderator(), name, errors);
      }
      if (ref != null && !ref.isEmpty()) {
        Long first = firstLineOfRef.putIfAbsent(ref, row.line());
        if (first != null) {
          errors.add(
              new FieldError(
                  "line " + row.line() + ", audit_ref",
                  ref + " is also on line " + first + "; a file names each audit once"));
        }
      }
      if (errors.size() > before) {
        badLines.add(row.line());
      } else {
        valid.add(audit);
      }
    }
    if (!errors.isEmpty()) {
      metrics.rejected(rows.size());
      throw AuditProblem.fileRejected(errors, badLines.size());
    }
    AuditWriter.Outcome outcome = writer.write(valid, existing, importer.email());
    AuditImportResult result =
        new AuditImportResult(
            outcome.created(),
            outcome.updated(),
            outcome.unchanged(),
            valid.stream().map(ValidAudit::ref).toList());
    metrics.imported(result);
    return result;
  }

  /** Strict UTF-8, with or without a byte order mark; a wrong byte is reported with its line. */
  private static String decode(byte[] content) {
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer text = decoder.decode(ByteBuffer.wrap(content));
      String decoded = text.toString();
      return decoded.startsWith("\uFEFF") ? decoded.substring(1) : decoded;
    } catch (CharacterCodingException e) {
      long line = 1;
      for (byte b : content) {
        if (b == '\n') {
          line++;
        }
        if (b < 0) {
          break; // the first non-ASCII byte is near enough to point at the fault
        }
      }
      throw AuditProblem.fileRejected(
          List.of(
              new FieldError(
                  "line " + line,
                  "the file is not UTF-8 text; save it as CSV UTF-8 and try again")),
          0);
    }
  }

  private List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw AuditProblem.fileRejected(
            List.of(new FieldError("file", "is empty; the first line must be the header")), 0);
      }
      Map<String, Integer> columns = header(records.next());
      errors.addAll(
          CsvLines.read(
              parser,
              records,
              columns.size(),
              (line, record) -> {
                if (rows.size() >= properties.importMaxRows()) {
                  throw tooLarge();
                }
                rows.add(new Row(line, draft(record, columns)));
              }));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading from a string never fails
    }
    if (!errors.isEmpty()) {
      throw AuditProblem.fileRejected(errors, errors.size());
    }
    if (rows.isEmpty()) {
      throw AuditProblem.fileRejected(
          List.of(new FieldError("file", "has a header but no audit rows")), 0);
    }
    return rows;
  }

  /**
   * Column positions by name; every column of the contract must be there, in any order, and nothing
   * else.
   */
  private static Map<String, Integer> header(CSVRecord header) {
    Map<String, Integer> columns = new LinkedHashMap<>();
    Set<String> unknown = new LinkedHashSet<>();
    Set<String> repeated = new LinkedHashSet<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (!AuditField.CSV_HEADER.contains(name)) {
        unknown.add(header.get(i));
      } else if (columns.putIfAbsent(name, i) != null) {
        repeated.add(name);
      }
    }
    List<String> missing =
        AuditField.CSV_HEADER.stream().filter(c -> !columns.containsKey(c)).toList();
    List<FieldError> errors = new ArrayList<>();
    if (!missing.isEmpty()) {
      errors.add(
          new FieldError("line 1", "the header lacks the column(s) " + String.join(", ", missing)));
    }
    if (!unknown.isEmpty()) {
      errors.add(new FieldError("line 1", "unknown column(s) " + String.join(", ", unknown)));
    }
    if (!repeated.isEmpty()) {
      errors.add(new FieldError("line 1", "repeated column(s) " + String.join(", ", repeated)));
    }
    if (!errors.isEmpty()) {
      errors.add(
          new FieldError(
              "line 1", "the header must be: " + String.join(",", AuditField.CSV_HEADER)));
      throw AuditProblem.fileRejected(errors, 1);
    }
    return columns;
  }

  private static AuditDraft draft(CSVRecord record, Map<String, Integer> columns) {
    Map<AuditField, String> v = new HashMap<>();
    for (AuditField field : AuditField.values()) {
      v.put(field, record.get(columns.get(field.column())));
    }
    return new AuditDraft(
        v.get(AuditField.AUDIT_REF),
        v.get(AuditField.AUDIT_DATE),
        v.get(AuditField.AUDIT_TYPE),
        v.get(AuditField.THEME),
        v.get(AuditField.SERVICE_AREA),
        v.get(AuditField.TEAM),
        v.get(AuditField.PRACTITIONER_EMAIL),
        v.get(AuditField.PRACTITIONER_NAME),
        v.get(AuditField.TEAM_MANAGER_EMAIL),
        v.get(AuditField.TEAM_MANAGER_NAME),
        v.get(AuditField.CHILD_REF),
        v.get(AuditField.AUDITOR_EMAIL),
        v.get(AuditField.GRADE),
        v.get(AuditField.MODERATOR_EMAIL),
        v.get(AuditField.MODERATION_DATE),
        v.get(AuditField.MODERATED_GRADE),
        v.get(AuditField.MODERATION_RATIONALE),
        List.of(v.get(AuditField.FACTORS)),
        v.get(AuditField.NOTES));
  }

  /**
   * The stored audits the file names, a chunk of refs per query (with their factors, for
   * comparison).
   */
  private Map<String, Audit> loadExisting(List<Row> rows) {
    List<String> refs =
        rows.stream()
            .map(r -> r.draft().ref())
            .filter(r -> r != null && !r.isBlank())
            .map(String::strip)
            .distinct()
            .toList();
    Map<String, Audit> found = new HashMap<>();
    for (int i = 0; i < refs.size(); i += CHUNK) {
      audits
          .findWithFactorsByRefIn(refs.subList(i, Math.min(refs.size(), i + CHUNK)))
          .forEach(a -> found.put(a.getRef(), a));
    }
    return found;
  }

  private AuditProblem tooLarge() {
    return AuditProblem.fileTooLarge(
        properties.importMaxSize().toBytes(), properties.importMaxRows());
  }
}
