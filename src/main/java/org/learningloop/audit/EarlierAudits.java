package org.learningloop.audit;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The repeat-child warning (issue 19): the other audits of the same child (the same {@code
 * child_ref}, compared byte for byte) dated within the {@value #MONTHS} months before an audit's
 * date, that is from the audit's date less {@value #MONTHS} months up to and including its own
 * date. A warning, never a refusal: recording and importing go on as before; the audit page, the
 * API's view of the audit and the import page name the earlier audits by ref and date, never the
 * child's case number. Child references replaced by the retention purge ({@link
 * AuditRetention#REMOVED}) are no child. Read through the index {@code ix_audit_child_date}
 * (migration V19_11).
 */
@Component
@Transactional(readOnly = true)
class EarlierAudits {

  /** How far back an earlier audit of the same child counts. */
  static final int MONTHS = 12;

  /** How many audits' children one query looks up at most. */
  private static final int BATCH = 500;

  /** An earlier audit of the same child. */
  record Earlier(String ref, LocalDate auditDate) implements Serializable {}

  /** One audit of an import whose child was audited in the months before it. */
  record Warning(String ref, LocalDate auditDate, List<Earlier> earlier) implements Serializable {

    Warning {
      earlier = List.copyOf(earlier);
    }
  }

  /** What the query reads of an audit: its ref, child, date and who may read it. */
  interface ChildAudit {
    String getRef();

    String getChildRef();

    LocalDate getAuditDate();

    Long getTeamId();

    Long getTeamManagerId();

    Long getPractitionerId();
  }

  private final AuditRepository audits;

  EarlierAudits(AuditRepository audits) {
    this.audits = audits;
  }

  /**
   * The earlier audits of the child of audit {@code ref} that {@code scope} may read, latest first;
   * empty when there are none (or the audit is not known).
   */
  List<Earlier> of(String ref, AuditScope scope) {
    List<ChildAudit> audit = audits.findChildAuditsByRefIn(List.of(ref));
    if (audit.isEmpty()) {
      return List.of();
    }
    return earlier(audit.get(0), sameChildren(audit), scope);
  }

  /**
   * For each of these audits (an import's rows, in their order) whose child was audited in the
   * months before it, the earlier audits: for auditors and moderators, who may read every audit.
   */
  List<Warning> ofAll(Collection<String> refs) {
    List<String> distinct = List.copyOf(new LinkedHashSet<>(refs));
    List<Warning> warnings = new ArrayList<>();
    for (int i = 0; i < distinct.size(); i += BATCH) {
      List<String> part = distinct.subList(i, Math.min(distinct.size(), i + BATCH));
      Map<String, ChildAudit> byRef = new HashMap<>();
      audits.findChildAuditsByRefIn(part).forEach(a -> byRef.put(a.getRef(), a));
      List<ChildAudit> found = part.stream().filter(byRef::containsKey).map(byRef::get).toList();
      Map<String, List<ChildAudit>> sameChild = sameChildren(found);
      for (ChildAudit a : found) {
        List<Earlier> earlier = earlier(a, sameChild, AuditScope.unrestricted());
        if (!earlier.isEmpty()) {
          warnings.add(new Warning(a.getRef(), a.getAuditDate(), earlier));
        }
      }
    }
    return warnings;
  }

  /**
   * The audits of these audits' children dated in the window of any of them, by child: one query
   * over the index of child and date.
   */
  private Map<String, List<ChildAudit>> sameChildren(List<ChildAudit> of) {
    Set<String> children = new LinkedHashSet<>();
    LocalDate first = null;
    LocalDate last = null;
    for (ChildAudit a : of) {
      if (a.getChildRef() == null || AuditRetention.REMOVED.equals(a.getChildRef())) {
        continue;
      }
      children.add(a.getChildRef());
      LocalDate from = windowStart(a.getAuditDate());
      first = first == null || from.isBefore(first) ? from : first;
      last = last == null || a.getAuditDate().isAfter(last) ? a.getAuditDate() : last;
    }
    Map<String, List<ChildAudit>> byChild = new HashMap<>();
    if (!children.isEmpty()) {
      audits
          .findChildAuditsBetween(children, first, last)
          .forEach(a -> byChild.computeIfAbsent(a.getChildRef(), c -> new ArrayList<>()).add(a));
    }
    return byChild;
  }

  private static List<Earlier> earlier(
      ChildAudit audit, Map<String, List<ChildAudit>> byChild, AuditScope scope) {
    LocalDate from = windowStart(audit.getAuditDate());
    return byChild.getOrDefault(audit.getChildRef(), List.of()).stream()
        // byte for byte, whatever the database's collation
        .filter(e -> e.getChildRef().equals(audit.getChildRef()))
        .filter(e -> !e.getRef().equals(audit.getRef()))
        .filter(
            e ->
                !e.getAuditDate().isBefore(from) && !e.getAuditDate().isAfter(audit.getAuditDate()))
        .filter(e -> scope.allows(e.getTeamId(), e.getTeamManagerId(), e.getPractitionerId()))
        .sorted(
            Comparator.comparing(ChildAudit::getAuditDate)
                .reversed()
                .thenComparing(ChildAudit::getRef))
        .map(e -> new Earlier(e.getRef(), e.getAuditDate()))
        .toList();
  }

  /** The first day that counts: the audit's date less {@value #MONTHS} months. */
  static LocalDate windowStart(LocalDate auditDate) {
    return auditDate.minusMonths(MONTHS);
  }
}
