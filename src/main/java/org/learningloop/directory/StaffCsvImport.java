package org.learningloop.directory;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.learningloop.common.CsvLines;
import org.learningloop.common.DomainException.FieldError;
import org.learningloop.directory.internal.ServiceArea;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff loaded from a CSV file by an administrator: {@code username,email,name,roles,team,
 * service_area} (UTF-8, header row, RFC 4180; roles separated by {@code ;}, as {@code PI_OFFICER}
 * or {@code pi-officer}; a team or a service area by its name, which must exist). All or nothing:
 * any bad row and nothing is written, the answer naming every bad line and column. Idempotent by
 * username: the same file twice changes nothing, a changed row updates that person. Passwords are
 * never in the file (people sign in with the council's identity provider, or an administrator sets
 * one); a person's enabled state is left as it is.
 */
@Service
public class StaffCsvImport {

  public static final List<String> HEADER =
      List.of("username", "email", "name", "roles", "team", "service_area");

  static final int MAX_ROWS = 5000;

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).setTrim(false).get();

  /** What happened to one row. */
  public enum Outcome {
    CREATED,
    UPDATED,
    UNCHANGED
  }

  /** One row's outcome, by line of the file. */
  public record RowResult(long line, String username, Outcome outcome) {}

  /** The answer of a load: how many people created, changed or left as they were, row by row. */
  public record Result(int created, int updated, int unchanged, List<RowResult> rows) {}

  private final StaffAdministration administration;
  private final Directory directory;

  StaffCsvImport(StaffAdministration administration, Directory directory) {
    this.administration = administration;
    this.directory = directory;
  }

  @Transactional
  public Result importFile(byte[] content) {
    List<Row> records = parse(decode(content));
    Map<String, TeamPlace> teams = new HashMap<>();
    administration.teams().forEach(t -> teams.put(key(t.teamName()), t));
    Map<String, ServiceArea> areas = new HashMap<>();
    administration.serviceAreas().forEach(a -> areas.put(key(a.getName()), a));

    List<FieldError> errors = new ArrayList<>();
    Set<Long> badLines = new TreeSet<>();
    Map<String, Long> firstLine = new HashMap<>();
    List<RowResult> results = new ArrayList<>();
    int[] counts = new int[Outcome.values().length];
    for (Row record : records) {
      long line = record.line();
      List<FieldError> rowErrors = new ArrayList<>();
      String username = record.get("username").toLowerCase(Locale.ROOT);
      Long seen = username.isEmpty() ? null : firstLine.putIfAbsent(username, line);
      if (seen != null) {
        rowErrors.add(
            new FieldError(
                "username", username + " is also on line " + seen + "; name each person once"));
      }
      Set<Role> roles = roles(record.get("roles"), rowErrors);
      Long teamId = null;
      Long areaId = null;
      String team = record.get("team");
      String area = record.get("service_area");
      if (!team.isEmpty()) {
        TeamPlace found = teams.get(key(team));
        if (found == null) {
          rowErrors.add(new FieldError("team", "no team is called " + team));
        } else {
          teamId = found.teamId();
          if (!area.isEmpty() && !key(area).equals(key(found.serviceAreaName()))) {
            rowErrors.add(
                new FieldError(
                    "service_area", team + " is in " + found.serviceAreaName() + ", not " + area));
          }
        }
      } else if (!area.isEmpty()) {
        ServiceArea found = areas.get(key(area));
        if (found == null) {
          rowErrors.add(new FieldError("service_area", "no service area is called " + area));
        } else {
          areaId = found.getId();
        }
      }
      if (rowErrors.isEmpty()) {
        Optional<Person> existing = directory.findByUsername(username);
        StaffDetails details =
            new StaffDetails(
                username,
                record.get("email"),
                record.get("name"),
                roles,
                teamId,
                teamId == null ? areaId : null,
                existing.map(Person::enabled).orElse(true));
        try {
          Outcome outcome = write(existing, details);
          counts[outcome.ordinal()]++;
          results.add(new RowResult(line, username, outcome));
        } catch (DirectoryProblem problem) {
          problem
              .errors()
              .forEach(e -> rowErrors.add(new FieldError(column(e.field()), e.message())));
        }
      }
      if (!rowErrors.isEmpty()) {
        badLines.add(line);
        rowErrors.forEach(
            e -> errors.add(new FieldError("line " + line + ", " + e.field(), e.message())));
      }
    }
    if (!errors.isEmpty()) {
      // Thrown out of the transaction: whatever rows before the bad ones wrote is rolled back.
      throw StaffFileRejected.badLines(errors, badLines.size());
    }
    return new Result(
        counts[Outcome.CREATED.ordinal()],
        counts[Outcome.UPDATED.ordinal()],
        counts[Outcome.UNCHANGED.ordinal()],
        List.copyOf(results));
  }

  private Outcome write(Optional<Person> existing, StaffDetails details) {
    if (existing.isEmpty()) {
      administration.create(details);
      return Outcome.CREATED;
    }
    Person before = existing.get();
    if (same(before, details)) {
      return Outcome.UNCHANGED;
    }
    administration.update(before.id(), details);
    return Outcome.UPDATED;
  }

  private static boolean same(Person p, StaffDetails d) {
    Long area = d.teamId() != null ? p.serviceAreaId() : d.serviceAreaId();
    return p.email().equalsIgnoreCase(d.email().strip())
        && p.displayName().equals(d.displayName().strip())
        && p.roles().equals(d.roles())
        && Objects.equals(p.teamId(), d.teamId())
        && (d.teamId() != null || Objects.equals(p.serviceAreaId(), area));
  }

  private static Set<Role> roles(String value, List<FieldError> errors) {
    Set<Role> roles = new LinkedHashSet<>();
    if (value.isEmpty()) {
      return roles;
    }
    for (String raw : value.split(";")) {
      String name = raw.strip().toUpperCase(Locale.ROOT).replace('-', '_');
      if (name.isEmpty()) {
        continue;
      }
      try {
        roles.add(Role.valueOf(name));
      } catch (IllegalArgumentException e) {
        errors.add(new FieldError("roles", "no role is called " + raw.strip()));
      }
    }
    return roles;
  }

  /** The directory's form field names, as the file's columns. */
  private static String column(String field) {
    return switch (field) {
      case "displayName" -> "name";
      case "teamId" -> "team";
      case "serviceAreaId" -> "service_area";
      default -> field;
    };
  }

  private static String key(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  private static String decode(byte[] content) {
    try {
      String text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
      return text.startsWith("\uFEFF") ? text.substring(1) : text;
    } catch (CharacterCodingException e) {
      throw StaffFileRejected.unreadable("The file is not UTF-8 text");
    }
  }

  /** One data row, by column, and the line of the file it starts on. */
  private record Row(long line, Map<String, String> values) {
    String get(String column) {
      return values.getOrDefault(column, "").strip();
    }
  }

  private static List<Row> parse(String text) {
    List<Row> rows = new ArrayList<>();
    List<FieldError> errors = new ArrayList<>();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), FORMAT)) {
      Iterator<CSVRecord> records = parser.iterator();
      if (!records.hasNext()) {
        throw StaffFileRejected.unreadable("The file is empty; the first line must be the header");
      }
      List<String> header = new ArrayList<>();
      records.next().forEach(h -> header.add(h.strip().toLowerCase(Locale.ROOT)));
      if (!header.equals(HEADER)) {
        throw StaffFileRejected.unreadable(
            "The first line must be the header " + String.join(",", HEADER));
      }
      errors.addAll(
          CsvLines.read(
              parser,
              records,
              HEADER.size(),
              (line, record) -> {
                if (rows.size() >= MAX_ROWS) {
                  throw StaffFileRejected.tooLarge(MAX_ROWS);
                }
                Map<String, String> values = new HashMap<>();
                for (int i = 0; i < HEADER.size(); i++) {
                  values.put(HEADER.get(i), record.get(i));
                }
                rows.add(new Row(line, values));
              }));
    } catch (IOException e) {
      throw new UncheckedIOException(e); // reading from a string never fails
    }
    if (!errors.isEmpty()) {
      throw StaffFileRejected.badLines(errors, errors.size());
    }
    if (rows.isEmpty()) {
      throw StaffFileRejected.unreadable("The file has a header but no staff rows");
    }
    return rows;
  }
}
