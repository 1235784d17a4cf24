package org.learningloop.reporting;

import static org.learningloop.reporting.ReportWords.days;
import static org.learningloop.reporting.ReportWords.join;
import static org.learningloop.reporting.ReportWords.longDate;
import static org.learningloop.reporting.ReportWords.lowerFirst;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.learningloop.audit.Grade;

/**
 * The report's prose, written from its figures as the council writes its report to the Overview and
 * Scrutiny Committee: no sentence the figures do not support.
 */
final class ReportSentences {

  private ReportSentences() {}

  /** All the report's sentences but the findings (see {@link #findings}). */
  static ReportView.Sentences of(ReportFigures f) {
    AuditSummaryReport summary = f.summary();
    return new ReportView.Sentences(
        trendSentence(f.trend()),
        mostWorkSentence(f.trend()),
        activitySentence(f.period(), summary),
        summary.moderated()
            + " of "
            + summary.audits()
            + " audits were moderated ("
            + Percent.oneDecimal(summary.moderatedPercent())
            + "%).",
        inadequateSentence(f.analysisPeriod(), f.analysis()),
        followUpSentences(f.analysisPeriod(), f.followUps()),
        dipSampleSentences(f.dipSamples()));
  }

  /**
   * The dip samples' paragraph: one sentence per dip sample (what was sampled, and how its actions
   * stand, or that none were set), then one on them all. "All … have actions set" only when each
   * one has.
   */
  static List<String> dipSampleSentences(DipSampleSummary d) {
    List<String> sentences = new ArrayList<>();
    if (d.dipSamples().isEmpty()) {
      sentences.add("No thematic dip samples were undertaken in this period.");
      return sentences;
    }
    for (DipSampleSummary.DipSample s : d.dipSamples()) {
      sentences.add(
          ReportPeriod.monthName(YearMonth.parse(s.month()))
              + ": "
              + s.theme()
              + " – "
              + s.sampled()
              + " sampled; "
              + actionWords(s.actions())
              + ".");
    }
    long withActions = d.dipSamples().stream().filter(s -> s.actions().set() > 0).count();
    int all = d.dipSamples().size();
    if (withActions == 0) {
      sentences.add(
          all == 1
              ? "No actions were set on this dip sample."
              : "No actions were set on these dip samples.");
    } else {
      String who =
          withActions == all
              ? (all == 1
                  ? "The thematic dip sample has"
                  : "All " + all + " thematic dip samples have")
              : withActions + " of the " + all + " thematic dip samples have";
      sentences.add(
          who
              + " actions set by the auditors for follow up: "
              + actionWords(d.actions())
              + " in all.");
    }
    return sentences;
  }

  /** "3 actions set, 2 done (1 on time), 1 open (1 overdue)", or "no actions were set". */
  static String actionWords(org.learningloop.dipsample.ActionFigures a) {
    if (a.set() == 0) {
      return "no actions were set";
    }
    StringBuilder words =
        new StringBuilder(a.set() + (a.set() == 1 ? " action set, " : " actions set, "));
    words.append(a.done()).append(" done");
    if (a.done() > 0) {
      words.append(" (").append(a.doneOnTime()).append(" on time)");
    }
    words.append(", ").append(a.open()).append(" open");
    if (a.open() > 0) {
      words.append(" (").append(a.overdue()).append(" overdue)");
    }
    long cancelled = a.set() - a.done() - a.open();
    if (cancelled > 0) {
      words.append(", ").append(cancelled).append(" cancelled");
    }
    return words.toString();
  }

  /** One finding per contributory factor of the inadequate audits, most frequent first. */
  static List<String> findings(AuditSummaryReport analysis, Function<String, String> factorLabel) {
    long inadequate = analysis.inadequate().count();
    return analysis.inadequate().factors().entrySet().stream()
        .map(e -> finding(factorLabel.apply(e.getKey()), e.getValue(), inadequate))
        .toList();
  }

  /** "… has reduced over the last year (February 2023 35% versus January 2024 13%)." */
  static String trendSentence(AuditSummaryReport trend) {
    List<AuditSummaryReport.Month> withAudits =
        trend.months().stream().filter(m -> m.audits() > 0).toList();
    if (withAudits.size() < 2) {
      return "There are too few months with audits to show a trend over the last year.";
    }
    AuditSummaryReport.Month first = withAudits.get(0);
    AuditSummaryReport.Month last = withAudits.get(withAudits.size() - 1);
    int compare = Double.compare(last.inadequatePercent(), first.inadequatePercent());
    String change = compare < 0 ? "has reduced" : compare > 0 ? "has increased" : "has not changed";
    return "The amount of work graded Inadequate "
        + change
        + " over the last year ("
        + ReportPeriod.monthName(YearMonth.parse(first.month()))
        + " "
        + Percent.whole(first.inadequate(), first.audits())
        + " versus "
        + ReportPeriod.monthName(YearMonth.parse(last.month()))
        + " "
        + Percent.whole(last.inadequate(), last.audits())
        + ").";
  }

  /**
   * Whether good work was found in each of the last three months, and which grade most work
   * received.
   */
  static String mostWorkSentence(AuditSummaryReport trend) {
    if (trend.audits() == 0) {
      return "No audits were completed in the last year.";
    }
    long[] totals = new long[Grade.values().length];
    trend
        .months()
        .forEach(
            m -> {
              for (Grade g : Grade.values()) {
                totals[g.ordinal()] += m.count(g);
              }
            });
    Grade most = Grade.REQUIRES_IMPROVEMENT;
    for (Grade g : Grade.values()) {
      if (totals[g.ordinal()] > totals[most.ordinal()]) {
        most = g;
      }
    }
    List<AuditSummaryReport.Month> months = trend.months();
    List<AuditSummaryReport.Month> lastThree =
        months.subList(Math.max(0, months.size() - 3), months.size());
    boolean goodEachMonth = lastThree.stream().allMatch(m -> m.good() + m.outstanding() > 0);
    String start =
        goodEachMonth
            ? "Good work has been identified each month in the last 3 months; most work audited is graded '"
            : "Most work audited is graded '";
    return start + most.label() + "'.";
  }

  /**
   * "Since the last report, 35 deep dive audits have been completed … 14 of these audits were
   * moderated (40%) …"
   */
  static String activitySentence(ReportPeriod period, AuditSummaryReport s) {
    StringBuilder text =
        new StringBuilder("Since the last report, ")
            .append(s.audits())
            .append(s.audits() == 1 ? " deep dive audit has" : " deep dive audits have")
            .append(" been completed across Children's Social Care (")
            .append(period.label())
            .append("). ")
            .append(s.moderated())
            .append(
                s.moderated() == 1
                    ? " of these audits was moderated ("
                    : " of these audits were moderated (")
            .append(Percent.whole(s.moderated(), s.audits()))
            .append(")");
    if (s.gradeChanges().isEmpty()) {
      text.append(", which confirmed every grade.");
      return text.toString();
    }
    text.append(" which resulted in ");
    List<String> parts = new ArrayList<>();
    for (AuditSummaryReport.GradeChange change : s.gradeChanges()) {
      parts.add(
          change.count()
              + (change.count() == 1 ? " audit being " : " audits being ")
              + (change.downgrade() ? "downgraded" : "upgraded")
              + " from '"
              + change.from().label()
              + "' to '"
              + change.to().label()
              + "'");
    }
    text.append(join(parts)).append(" following moderation.");
    return text.toString();
  }

  /**
   * "20 audits were graded inadequate during July 2023 – December 2023 (20% of all audits …). Of
   * the 20 …"
   */
  static String inadequateSentence(ReportPeriod period, AuditSummaryReport s) {
    AuditSummaryReport.Inadequate i = s.inadequate();
    if (i.count() == 0) {
      return "No audits were graded inadequate during " + period.rangeLabel() + ".";
    }
    StringBuilder text =
        new StringBuilder()
            .append(i.count())
            .append(i.count() == 1 ? " audit was" : " audits were")
            .append(" graded inadequate during ")
            .append(period.rangeLabel())
            .append(" (")
            .append(Percent.whole(i.count(), s.audits()))
            .append(" of all audits undertaken during this period). Of the ")
            .append(i.count())
            .append(" graded 'inadequate', ")
            .append(i.moderated())
            .append(i.moderated() == 1 ? " was" : " were")
            .append(" moderated (")
            .append(Percent.whole(i.moderated(), i.count()))
            .append(")");
    if (i.downgradedToInadequate().isEmpty()) {
      return text.append(".").toString();
    }
    List<String> parts = new ArrayList<>();
    boolean first = true;
    for (Map.Entry<Grade, Long> e : i.downgradedToInadequate().entrySet()) {
      parts.add(
          e.getValue()
              + (first
                  ? (e.getValue() == 1 ? " of these was" : " of these were") + " graded '"
                  : " '")
              + e.getKey().label()
              + "'");
      first = false;
    }
    return text.append(" and ")
        .append(join(parts))
        .append(" prior to being downgraded to 'Inadequate' following moderation.")
        .toString();
  }

  /**
   * The follow-up of the inadequate audits, in the council's plain style: where they stand, how
   * long each stage took against its target, the support offered and what the re-audits found.
   */
  static List<String> followUpSentences(ReportPeriod period, FollowUpKpis k) {
    if (k.followUps() == 0) {
      return List.of(
          "No follow-ups have been opened for audits graded inadequate during "
              + period.rangeLabel()
              + ".");
    }
    List<String> sentences = new ArrayList<>();
    StringBuilder status =
        new StringBuilder()
            .append(k.followUps())
            .append(k.followUps() == 1 ? " follow-up was" : " follow-ups were")
            .append(" opened by the Practice Improvement team for audits graded inadequate during ")
            .append(period.rangeLabel())
            .append(". As at ")
            .append(longDate(k.asAt()))
            .append(", ")
            .append(k.closed())
            .append(k.closed() == 1 ? " is" : " are")
            .append(" closed (")
            .append(Percent.whole(k.closed(), k.followUps()))
            .append(") and ")
            .append(k.open())
            .append(k.open() == 1 ? " is open" : " are open");
    long overdue = k.openOverdue();
    if (k.open() > 0) {
      status.append(
          overdue == 0
              ? (k.open() == 1 ? ", on time" : ", none of them overdue")
              : k.open() == 1 ? ", overdue" : " (" + overdue + " of them overdue)");
    }
    List<String> ended = new ArrayList<>();
    if (k.gradeRevised() > 0) {
      ended.add(k.gradeRevised() + " ended because moderation revised the grade");
    }
    if (k.withdrawn() > 0) {
      ended.add(k.withdrawn() + (k.withdrawn() == 1 ? " was withdrawn" : " were withdrawn"));
    }
    if (!ended.isEmpty()) {
      status.append("; ").append(join(ended));
    }
    sentences.add(status.append(".").toString());

    List<String> times = new ArrayList<>();
    for (FollowUpKpis.Timeliness t : k.timeliness()) {
      if (t.reached() == 0) {
        continue;
      }
      String median = days(t.medianWorkingDays());
      times.add(
          switch (t.stage()) {
                case ALLOCATION -> "a PI officer was allocated in a median of " + median;
                case SAFEGUARDING_CHECK ->
                    "where there was a risk of significant harm, the child's safety review was confirmed in a median of "
                        + median;
                case CONVERSATIONS ->
                    "both reflective learning conversations were held a median of "
                        + median
                        + " after allocation";
                case CLOSURE -> "the loop was closed a median of " + median + " after allocation";
                default -> t.stage() + " took a median of " + median;
              }
              + " (target "
              + t.targetWorkingDays()
              + ", met in "
              + t.withinTarget()
              + " of "
              + t.reached()
              + ")");
    }
    if (!times.isEmpty()) {
      String text = String.join("; ", times) + ".";
      sentences.add(text.substring(0, 1).toUpperCase(Locale.UK) + text.substring(1));
    }

    FollowUpKpis.SupportType total = k.supportTotal();
    long offered = total.offered();
    if (offered == 0) {
      sentences.add("No support has been offered yet.");
    } else {
      long completed = total.completed();
      long declined = total.declined();
      long withdrawn = total.withdrawn();
      long inProgress = total.inProgress();
      List<String> parts = new ArrayList<>();
      parts.add(
          completed
              + (completed == 1 ? " has" : " have")
              + " been completed ("
              + Percent.whole(completed, offered)
              + ")");
      if (inProgress > 0) {
        parts.add(inProgress + (inProgress == 1 ? " is" : " are") + " in progress");
      }
      if (declined > 0) {
        parts.add(declined + (declined == 1 ? " was" : " were") + " declined");
      }
      if (withdrawn > 0) {
        parts.add(withdrawn + (withdrawn == 1 ? " was" : " were") + " withdrawn");
      }
      List<String> types =
          k.support().stream().map(s -> lowerFirst(s.label()) + " (" + s.offered() + ")").toList();
      sentences.add(
          offered
              + (offered == 1 ? " support item was" : " support items were")
              + " offered: "
              + join(types)
              + ". Of these, "
              + join(parts)
              + ".");
    }

    FollowUpKpis.ReAudits r = k.reAudits();
    if (r.recorded() > 0) {
      List<String> grades = new ArrayList<>();
      r.grades().forEach((grade, n) -> grades.add(n + " " + grade.label()));
      sentences.add(
          r.recorded()
              + (r.recorded() == 1
                  ? " effectiveness re-audit of the same practitioner's work has"
                  : " effectiveness re-audits of the same practitioners' work have")
              + " been graded since the loop was closed: "
              + join(grades)
              + ".");
    } else if (k.closed() > 0) {
      sentences.add(
          "No effectiveness re-audit has been graded yet: they fall due some months after closure.");
    }
    if (r.recorded() > 0) {
      sentences.add(
          r.repeatInadequate() == 0
              ? "No re-audit was graded Inadequate again."
              : r.repeatInadequate()
                  + (r.repeatInadequate() == 1
                      ? " re-audit was graded Inadequate again (a repeat Inadequate): it has"
                      : " re-audits were graded Inadequate again (repeat Inadequates): each has")
                  + " a follow-up of its own.");
    }
    if (r.notPossible() > 0) {
      sentences.add(
          r.notPossible()
              + (r.notPossible() == 1 ? " re-audit could" : " re-audits could")
              + " not take place (for example, the practitioner had left); the reason is recorded"
              + " on each follow-up.");
    }
    return sentences;
  }

  /**
   * "For most children, …" when a factor played a part in more than half; otherwise "In 9 out of
   * 20, …".
   */
  static String finding(String label, long n, long outOf) {
    String what = lowerFirst(label);
    String start = n * 2 > outOf ? "For most children, " : "In " + n + " out of " + outOf + ", ";
    return start + what + " contributed to the inadequate grade.";
  }
}
