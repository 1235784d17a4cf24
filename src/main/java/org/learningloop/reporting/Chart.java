package org.learningloop.reporting;

import java.util.List;
import java.util.Map;

/**
 * A chart drawn as inline SVG by the {@code reports/charts} fragment: shapes already placed, so the
 * template only writes them out. Each fill is a colour and a pattern, each bar carries its number
 * as text, and every chart has a title and a description, so no reader depends on colour alone. The
 * same figures are always in a table beside it.
 *
 * @param id unique on the page; prefixes the ids of the chart's patterns
 */
record Chart(
    String id,
    String title,
    String description,
    int width,
    int height,
    List<Rect> rects,
    List<Text> texts,
    List<Line> lines,
    List<Key> legend) {

  /**
   * The chart's text alternative, stating its figures (every bar and segment, as its tooltip says
   * it): the PDF's Figure carries it as /Alt.
   */
  public String altText() {
    StringBuilder alt = new StringBuilder(title).append(". ");
    alt.append(
        rects.isEmpty()
            ? "Nothing to show."
            : String.join("; ", rects.stream().map(Rect::tooltip).toList()) + ".");
    return alt.toString();
  }

  /** The one palette, by colour name and by grade, for the template's lines, text and patterns. */
  public Map<String, String> colours() {
    return Palette.BY_NAME;
  }

  /** The SVG's full width: the plot, and room for the legend's two columns. */
  public int svgWidth() {
    return legend.isEmpty() ? width : Math.max(width, 480);
  }

  /** The SVG's full height: the plot and the legend under it. */
  public int svgHeight() {
    return height + (legend.isEmpty() ? 0 : ((legend.size() + 1) / 2) * 24 + 8);
  }

  public double keyX(int index) {
    return 10 + (index % 2) * 240;
  }

  public double keyY(int index) {
    return height + 4 + (index / 2) * 24;
  }

  /** A bar or a segment of one; {@code fill} is a colour or a {@code url(#…)} pattern. */
  record Rect(
      double x,
      double y,
      double width,
      double height,
      String fill,
      String stroke,
      String tooltip) {}

  /**
   * @param anchor start, middle or end
   * @param boxed drawn on a white box, to stay legible over a pattern
   */
  record Text(double x, double y, String text, String anchor, boolean bold, boolean boxed) {

    /** Width of the white box behind boxed text: about 7 px a character at 12 px Arial. */
    public double boxWidth() {
      return text.length() * 7.2 + 6;
    }

    public double boxX() {
      return switch (anchor) {
        case "middle" -> x - boxWidth() / 2;
        case "end" -> x - boxWidth() + 3;
        default -> x - 3;
      };
    }
  }

  record Line(double x1, double y1, double x2, double y2) {}

  /** One entry of the legend: a swatch with the same fill as the bars, and its name. */
  record Key(String fill, String label) {}
}
