package dev.apisync.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * A PNG bar chart of records/s per scenario, baseline beside apisync, on a log scale (the two
 * differ by orders of magnitude). Drawn with Java2D, headless: no Python or plotting library.
 */
final class Chart {

  private static final int WIDTH = 1000;
  private static final int HEIGHT = 560;
  private static final int LEFT = 90;
  private static final int RIGHT = 30;
  private static final int TOP = 60;
  private static final int BOTTOM = 90;
  private static final Color BASELINE = new Color(0x9e, 0x9e, 0x9e);
  private static final Color APISYNC = new Color(0x1f, 0x77, 0xb4);

  private Chart() {}

  static void write(List<Report.Row> rows, String title, Path png) throws IOException {
    System.setProperty("java.awt.headless", "true");
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(Color.BLACK);
      g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
      g.drawString(title, LEFT, 30);
      drawAxis(g, rows);
      drawBars(g, rows);
      drawLegend(g);
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", png.toFile());
  }

  private static double maxDecade(List<Report.Row> rows) {
    double max =
        rows.stream()
            .mapToDouble(row -> Math.max(row.baselineRate(), row.apisyncRate()))
            .max()
            .orElse(10);
    return Math.max(2, Math.ceil(Math.log10(Math.max(max, 1))));
  }

  /** Pixel height of a rate on the log axis, which runs from 1 to 10^maxDecade records/s. */
  private static int height(double rate, double decades) {
    double plot = HEIGHT - TOP - BOTTOM;
    return (int) Math.round(plot * Math.max(0, Math.log10(Math.max(rate, 1))) / decades);
  }

  private static void drawAxis(Graphics2D g, List<Report.Row> rows) {
    double decades = maxDecade(rows);
    int base = HEIGHT - BOTTOM;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int decade = 0; decade <= decades; decade++) {
      int y = base - height(Math.pow(10, decade), decades);
      g.setColor(new Color(0xe0, 0xe0, 0xe0));
      g.drawLine(LEFT, y, WIDTH - RIGHT, y);
      g.setColor(Color.DARK_GRAY);
      String label = String.format(Locale.ROOT, "%,.0f", Math.pow(10, decade));
      g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 4);
    }
    g.setColor(Color.BLACK);
    g.setStroke(new BasicStroke(1.5f));
    g.drawLine(LEFT, base, WIDTH - RIGHT, base);
    g.drawLine(LEFT, TOP, LEFT, base);
    g.drawString("records/s (log)", 10, TOP - 12);
  }

  private static void drawBars(Graphics2D g, List<Report.Row> rows) {
    double decades = maxDecade(rows);
    int base = HEIGHT - BOTTOM;
    int slot = (WIDTH - LEFT - RIGHT) / Math.max(1, rows.size());
    int bar = Math.min(70, slot / 3);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
    for (int i = 0; i < rows.size(); i++) {
      Report.Row row = rows.get(i);
      int x = LEFT + i * slot + (slot - 2 * bar - 6) / 2;
      drawBar(g, x, bar, base, height(row.baselineRate(), decades), BASELINE, row.baselineRate());
      drawBar(
          g,
          x + bar + 6,
          bar,
          base,
          height(row.apisyncRate(), decades),
          APISYNC,
          row.apisyncRate());
      g.setColor(Color.BLACK);
      String name = row.scenario().name();
      g.drawString(
          name, LEFT + i * slot + (slot - g.getFontMetrics().stringWidth(name)) / 2, base + 20);
      String ratio = String.format(Locale.ROOT, "ratio %.3f", row.ratio());
      g.drawString(
          ratio, LEFT + i * slot + (slot - g.getFontMetrics().stringWidth(ratio)) / 2, base + 38);
    }
  }

  private static void drawBar(
      Graphics2D g, int x, int width, int base, int height, Color color, double rate) {
    g.setColor(color);
    g.fillRect(x, base - height, width, height);
    g.setColor(Color.BLACK);
    String label = String.format(Locale.ROOT, "%,.0f", rate);
    g.drawString(label, x + (width - g.getFontMetrics().stringWidth(label)) / 2, base - height - 4);
  }

  private static void drawLegend(Graphics2D g) {
    int y = HEIGHT - 30;
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
    g.setColor(BASELINE);
    g.fillRect(LEFT, y - 11, 14, 14);
    g.setColor(Color.BLACK);
    g.drawString("plain JDBC + OkHttp loop (baseline)", LEFT + 20, y);
    g.setColor(APISYNC);
    g.fillRect(LEFT + 300, y - 11, 14, 14);
    g.setColor(Color.BLACK);
    g.drawString("apisync (Temporal dev server, worker JVM)", LEFT + 320, y);
  }
}
