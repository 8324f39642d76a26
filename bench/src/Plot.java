import javax.imageio.ImageIO;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Latency (p50, p99) against concurrency, drawn with Java2D: no plotting library needed. */
final class Plot {

    private Plot() {
    }

    private static final Color[] COLORS = {new Color(31, 119, 180), new Color(214, 39, 40), new Color(44, 160, 44),
            new Color(148, 103, 189)};

    /** One line pair (p50 solid, p99 dashed) per named series of {clients, p50 ms, p99 ms} points. */
    static void write(Path file, Map<String, List<double[]>> lines, double embeddingMs) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int width = 800;
        int height = 500;
        int left = 80;
        int right = 210;
        int top = 50;
        int bottom = 60;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);

        double maxY = embeddingMs;
        for (List<double[]> points : lines.values()) {
            for (double[] p : points) {
                maxY = Math.max(maxY, p[2]);
            }
        }
        maxY = Math.max(1, maxY * 1.1);
        double maxLog = Math.log(32) / Math.log(2);
        int plotW = width - left - right;
        int plotH = height - top - bottom;

        g.setColor(Color.DARK_GRAY);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString("Answer latency against concurrent clients", left, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(left, top + plotH, left + plotW, top + plotH);
        g.drawLine(left, top, left, top + plotH);
        for (int c : new int[]{1, 8, 32}) {
            int x = left + (int) (plotW * (Math.log(c) / Math.log(2)) / maxLog);
            g.drawString(String.valueOf(c), x - 4, top + plotH + 18);
        }
        g.drawString("concurrent clients (log scale)", left + plotW / 2 - 80, height - 15);
        for (int i = 0; i <= 5; i++) {
            double v = maxY * i / 5;
            int y = top + plotH - (int) (plotH * v / maxY);
            g.setColor(new Color(230, 230, 230));
            g.drawLine(left + 1, y, left + plotW, y);
            g.setColor(Color.DARK_GRAY);
            g.drawString(String.format("%.0f ms", v), 20, y + 4);
        }

        int n = 0;
        int lx = left + plotW + 15;
        for (Map.Entry<String, List<double[]>> line : lines.entrySet()) {
            Color color = COLORS[n % COLORS.length];
            series(g, line.getValue(), 1, color, false, left, top, plotW, plotH, maxY, maxLog);
            series(g, line.getValue(), 2, color, true, left, top, plotW, plotH, maxY, maxLog);
            legend(g, lx, top + 10 + 40 * n, color, false, line.getKey() + " p50");
            legend(g, lx, top + 30 + 40 * n, color, true, line.getKey() + " p99");
            n++;
        }
        int yEmbed = top + plotH - (int) (plotH * embeddingMs / maxY);
        g.setColor(Color.GRAY);
        g.setStroke(new BasicStroke(1, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{2, 4}, 0));
        g.drawLine(left, yEmbed, left + plotW, yEmbed);

        g.setColor(Color.GRAY);
        g.drawString("embedding p50", lx + 30, top + 14 + 40 * n);
        g.dispose();
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
    }

    private static void series(Graphics2D g, List<double[]> points, int column, Color color, boolean dashed, int left,
                               int top, int plotW, int plotH, double maxY, double maxLog) {
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0)
                : new BasicStroke(2));
        int px = -1;
        int py = -1;
        for (double[] p : points) {
            int x = left + (int) (plotW * (Math.log(p[0]) / Math.log(2)) / maxLog);
            int y = top + plotH - (int) (plotH * p[column] / maxY);
            g.fillOval(x - 3, y - 3, 6, 6);
            if (px >= 0) {
                g.drawLine(px, py, x, y);
            }
            px = x;
            py = y;
        }
    }

    private static void legend(Graphics2D g, int x, int y, Color color, boolean dashed, String label) {
        g.setColor(color);
        g.setStroke(dashed ? new BasicStroke(2, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[]{6, 4}, 0)
                : new BasicStroke(2));
        g.drawLine(x, y, x + 24, y);
        g.setColor(Color.DARK_GRAY);
        g.drawString(label, x + 30, y + 4);
    }
}
