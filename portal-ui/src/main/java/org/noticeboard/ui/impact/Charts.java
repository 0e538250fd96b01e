package org.noticeboard.ui.impact;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Rectangle2D;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.NumberFormat;
import java.util.Base64;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardCategoryItemLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.svg.SVGGraphics2D;

/**
 * Charts drawn on the server with JFreeChart (LGPL, no licence key) into SVG with JFreeSVG, shown
 * as images: no front-end build and no script in the page. Each has a title, labelled axes and
 * values on the bars; the view adds a text alternative and a data table.
 */
final class Charts {

    static final int WIDTH = 640;
    static final int HEIGHT = 300;
    private static final Color NHS_BLUE = new Color(0x005EB8);
    private static final Color DARK = new Color(0x212B32);
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 15);
    private static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 12);

    /** A labelled value: a week, a post or a category. */
    record Point(String label, Number value) {}

    /** Everything a chart's picture depends on. */
    private record Spec(boolean line, String title, String categoryAxis, String valueAxis, List<Point> points,
            boolean horizontal, boolean percent) {}

    /**
     * Charts drawn lately, by what they show. Drawing one takes JFreeChart tens of milliseconds of CPU,
     * and everyone in an organisation who opens the dashboard sees the same few; the figures are read
     * afresh on every visit, so a chart whose data changed is a new entry and is drawn again.
     */
    static final int CACHED = 64;

    private static final java.util.Map<Spec, String> drawn = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(CACHED, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<Spec, String> eldest) {
                    return size() > CACHED;
                }
            });

    private Charts() {}

    static String bars(String title, String categoryAxis, String valueAxis, List<Point> points, boolean horizontal,
            boolean percent) {
        return cached(new Spec(false, title, categoryAxis, valueAxis, List.copyOf(points), horizontal, percent),
                () -> drawBars(title, categoryAxis, valueAxis, points, horizontal, percent));
    }

    static String line(String title, String categoryAxis, String valueAxis, List<Point> points, boolean percent) {
        return cached(new Spec(true, title, categoryAxis, valueAxis, List.copyOf(points), false, percent),
                () -> drawLine(title, categoryAxis, valueAxis, points, percent));
    }

    /** How many charts are held drawn (for tests). */
    static int cachedCount() {
        return drawn.size();
    }

    private static String cached(Spec spec, java.util.function.Supplier<String> draw) {
        String svg = drawn.get(spec);
        if (svg == null) {
            // drawn outside the lock: two users asking for a new chart at once may both draw it
            svg = draw.get();
            drawn.put(spec, svg);
        }
        return svg;
    }

    private static String drawBars(String title, String categoryAxis, String valueAxis, List<Point> points,
            boolean horizontal, boolean percent) {
        var data = new DefaultCategoryDataset();
        points.forEach(p -> data.addValue(p.value(), valueAxis, p.label()));
        JFreeChart chart = ChartFactory.createBarChart(title, categoryAxis, valueAxis, data,
                horizontal ? PlotOrientation.HORIZONTAL : PlotOrientation.VERTICAL, false, false, false);
        CategoryPlot plot = style(chart, percent);
        var renderer = (BarRenderer) plot.getRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setSeriesPaint(0, NHS_BLUE);
        renderer.setMaximumBarWidth(0.08);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format(percent)));
        renderer.setDefaultItemLabelsVisible(true);
        renderer.setDefaultItemLabelFont(LABEL);
        return svg(chart, horizontal ? Math.max(HEIGHT, 60 + 28 * points.size()) : HEIGHT);
    }

    private static String drawLine(String title, String categoryAxis, String valueAxis, List<Point> points,
            boolean percent) {
        var data = new DefaultCategoryDataset();
        points.forEach(p -> data.addValue(p.value(), valueAxis, p.label()));
        JFreeChart chart = ChartFactory.createLineChart(title, categoryAxis, valueAxis, data, PlotOrientation.VERTICAL,
                false, false, false);
        CategoryPlot plot = style(chart, percent);
        var renderer = (LineAndShapeRenderer) plot.getRenderer();
        renderer.setSeriesPaint(0, NHS_BLUE);
        renderer.setSeriesStroke(0, new BasicStroke(2.5f));
        renderer.setDefaultShapesVisible(true);
        renderer.setDefaultItemLabelGenerator(new StandardCategoryItemLabelGenerator("{2}", format(percent)));
        renderer.setDefaultItemLabelsVisible(points.size() <= 16);
        renderer.setDefaultItemLabelFont(LABEL);
        return svg(chart, HEIGHT);
    }

    /** The SVG as a data URI for an image's source. */
    static String dataUri(String svg) {
        return "data:image/svg+xml;base64," + Base64.getEncoder().encodeToString(svg.getBytes(StandardCharsets.UTF_8));
    }

    private static NumberFormat format(boolean percent) {
        return percent ? new DecimalFormat("0.0%") : new DecimalFormat("#,##0");
    }

    private static CategoryPlot style(JFreeChart chart, boolean percent) {
        chart.setBackgroundPaint(Color.WHITE);
        chart.getTitle().setFont(TITLE);
        chart.getTitle().setPaint(DARK);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(new Color(0xD8DDE0));
        plot.setOutlineVisible(false);
        CategoryAxis categories = plot.getDomainAxis();
        categories.setLabelFont(LABEL);
        categories.setTickLabelFont(LABEL);
        categories.setMaximumCategoryLabelLines(2);
        if (plot.getOrientation() == PlotOrientation.VERTICAL && plot.getCategories().size() > 10) {
            categories.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        var values = (NumberAxis) plot.getRangeAxis();
        values.setLabelFont(LABEL);
        values.setTickLabelFont(LABEL);
        values.setNumberFormatOverride(format(percent));
        if (!percent) {
            values.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        }
        values.setUpperMargin(0.15);
        return plot;
    }

    private static String svg(JFreeChart chart, int height) {
        var g2 = new SVGGraphics2D(WIDTH, height);
        chart.draw(g2, new Rectangle2D.Double(0, 0, WIDTH, height));
        return g2.getSVGDocument();
    }
}
