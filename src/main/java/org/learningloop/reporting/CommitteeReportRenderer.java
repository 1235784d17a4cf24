package org.learningloop.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.learningloop.audit.AuditStatistics;
import org.learningloop.audit.AuditType;
import org.learningloop.audit.Grade;
import org.learningloop.security.AccessScope;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Puts a committee report together (figures, narrative, scorecard) and renders it: as the live
 * page, as the HTML and PDF of a published snapshot, and its figures as JSON.
 */
@Component
class CommitteeReportRenderer {

  /** How the one template is rendered. */
  enum Mode {
    /** The live page, with its controls. */
    PAGE,
    /** A published snapshot's HTML: no controls, no links that depend on the reader. */
    SNAPSHOT,
    /** The XHTML the PDF is made from. */
    PDF
  }

  private final Reports reports;
  private final CommitteeReportProperties cover;
  private final CommitteeNarrativeProperties narrative;
  private final ScorecardProperties scorecard;
  private final CommitteeReportPdf pdf;
  private final ITemplateEngine templates;
  private final ObjectMapper json;
  private final ReportBreakdowns breakdowns;
  private final AuditStatistics audits;

  CommitteeReportRenderer(
      Reports reports,
      CommitteeReportProperties cover,
      CommitteeNarrativeProperties narrative,
      ScorecardProperties scorecard,
      CommitteeReportPdf pdf,
      ITemplateEngine templates,
      ObjectMapper json,
      ReportBreakdowns breakdowns,
      AuditStatistics audits) {
    this.reports = reports;
    this.cover = cover;
    this.narrative = narrative;
    this.scorecard = scorecard;
    this.pdf = pdf;
    this.templates = templates;
    this.breakdowns = breakdowns;
    this.audits = audits;
    this.json = json.copy().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /**
   * The report of a period from today's data, with the draft's narrative if there is a draft.
   *
   * @param scope whose breakdown rows are shown: the reader's on a page, every area when published
   * @param suppress counts of 1 to 4 as "fewer than 5" (anything published or downloaded)
   */
  CommitteeDocument document(
      ReportPeriod period,
      CommitteeDraft draft,
      CommitteeDocument.Stamp stamp,
      AccessScope scope,
      boolean suppress) {
    ReportView view = reports.forCommittee(period);
    return new CommitteeDocument(
        view,
        cover,
        draft == null ? null : draft.meetingDate(),
        draft == null ? null : draft.portfolio(),
        draft != null && draft.inForwardPlan(),
        CommitteeDocument.narrative(narrative, draft == null ? Map.of() : draft.narrative()),
        Scorecard.of(scorecard, view),
        breakdowns.breakdown(view.analysisPeriod(), scope, suppress),
        Populations.whatTheFiguresCount(view),
        Populations.reconciliation(view, population(view)),
        stamp);
  }

  /**
   * What the follow-ups of the analysis period are of: the follow-ups ended as grade revised are of
   * audits re-graded since; the dip-sample audits graded inadequate each have one; the rest are of
   * the inadequate deep dives.
   */
  private Populations.Population population(ReportView view) {
    ReportPeriod p = view.analysisPeriod();
    long dipSamples =
        audits.gradeTallies(AuditType.THEMATIC_DIP_SAMPLE, p.from(), p.to()).stream()
            .filter(t -> t.effectiveGrade() == Grade.INADEQUATE)
            .mapToLong(AuditStatistics.GradeTally::count)
            .sum();
    long regraded = view.followUps().gradeRevised();
    long deepDives = Math.max(0, view.followUps().followUps() - regraded - dipSamples);
    return new Populations.Population(deepDives, dipSamples, regraded);
  }

  /** The narrative sections of a draft as they would be printed. */
  java.util.List<CommitteeDocument.NarrativeEntry> narrative(CommitteeDraft draft) {
    return CommitteeDocument.narrative(narrative, draft.narrative());
  }

  /**
   * What the form says under each section: its own hint, and the standard wording that stands while
   * the section is blank, or that it must be written.
   */
  Map<String, String> hints() {
    Map<String, String> hints = new LinkedHashMap<>();
    for (CommitteeNarrativeProperties.Section s : narrative.sections()) {
      String hint = s.hint() == null || s.hint().isBlank() ? "" : s.hint().strip() + " ";
      hints.put(
          s.key(),
          hint
              + (s.hasDefault()
                  ? "Left blank, the report says: “" + s.defaultText() + "”"
                  : "Required before publishing."));
    }
    return hints;
  }

  /** What the template reads, for a page (the controller adds it to its model) or a snapshot. */
  Map<String, Object> model(CommitteeDocument document, Mode mode) {
    ReportView report = document.report();
    Map<String, Object> model = new HashMap<>();
    model.put("doc", document);
    model.put("report", report);
    model.put("pdf", mode == Mode.PDF);
    model.put("frozen", mode != Mode.PAGE);
    model.put("csvQuery", mode == Mode.PAGE ? report.period().query() : null);
    model.put("analysisQuery", mode == Mode.PAGE ? report.analysisPeriod().query() : null);
    model.put("cover", cover);
    model.put("meetingText", document.meetingText());
    return model;
  }

  String html(CommitteeDocument document, Mode mode) {
    Context context = new Context(Locale.UK);
    model(document, mode).forEach(context::setVariable);
    return templates.process("reports/committee", context);
  }

  byte[] pdf(CommitteeDocument document) {
    return pdf.render(html(document, Mode.PDF));
  }

  /** The figures behind the report (and the narrative as printed), as JSON. */
  byte[] figuresJson(CommitteeDocument document) {
    ReportView r = document.report();
    Map<String, Object> figures = new LinkedHashMap<>();
    figures.put("from", r.period().from().toString());
    figures.put("to", r.period().to().toString());
    if (document.stamp() != null) {
      figures.put("version", document.stamp().version());
      figures.put("reason", document.stamp().reason());
    }
    figures.put("auditSummary", r.summary());
    figures.put(
        "trend",
        Map.of(
            "from", r.trendPeriod().from().toString(),
            "to", r.trendPeriod().to().toString(),
            "summary", r.trend()));
    figures.put(
        "inadequateAnalysis",
        Map.of(
            "from", r.analysisPeriod().from().toString(),
            "to", r.analysisPeriod().to().toString(),
            "summary", r.analysis()));
    figures.put("followUps", r.followUps());
    figures.put("dipSamples", r.dipSamples());
    figures.put("scorecard", document.scorecard());
    figures.put("breakdown", document.breakdown());
    figures.put("whatTheFiguresCount", document.whatTheFiguresCount());
    figures.put("followUpPopulation", document.followUpPopulation());
    Map<String, String> sections = new LinkedHashMap<>();
    document.narrative().forEach(e -> sections.put(e.key(), e.text()));
    figures.put("narrative", sections);
    try {
      return json.writeValueAsString(figures).getBytes(StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write the committee report's figures", e);
    }
  }
}
