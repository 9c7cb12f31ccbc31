package nl.groningen.keukentafel.app.print;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.VPos;
import javafx.print.PageLayout;
import javafx.print.PrinterJob;
import javafx.scene.Group;
import javafx.scene.paint.Color;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.text.Text;
import javafx.stage.Window;

/**
 * The printout for the resident on paper, through JavaFX's printer job and the system's print
 * dialog: the same words as the PDF ({@link PlanPrintout}), in large plain type, over as many
 * pages as it needs (a line is never cut across two pages).
 */
public final class SystemPrinter implements PlanPrinter {

    private static final Color ACCENT = Color.rgb(0x1d, 0x4e, 0x6b);

    @Override
    public Outcome print(PrintContent content, Window owner) {
        PrinterJob job = PrinterJob.createPrinterJob();
        if (job == null) {
            return Outcome.NO_PRINTER;
        }
        if (!job.showPrintDialog(owner)) {
            job.cancelJob();
            return Outcome.CANCELLED;
        }
        PageLayout page = job.getJobSettings().getPageLayout();
        for (Group sheet : pages(content, page.getPrintableWidth(), page.getPrintableHeight())) {
            if (!job.printPage(page, sheet)) {
                job.cancelJob();
                return Outcome.FAILED;
            }
        }
        return job.endJob() ? Outcome.PRINTED : Outcome.FAILED;
    }

    /** The printout's lines laid out on pages of the printable size. */
    static List<Group> pages(PrintContent content, double width, double height) {
        List<Group> pages = new ArrayList<>();
        Group page = new Group();
        double y = 0;
        for (Line line : lines(content)) {
            Text text = new Text(line.text());
            text.setFont(line.font());
            text.setFill(line.color());
            text.setTextOrigin(VPos.TOP);
            text.setWrappingWidth(width - line.indent());
            double lineHeight = text.getLayoutBounds().getHeight();
            double top = y == 0 ? 0 : y + line.spaceBefore();
            if (top + lineHeight > height && !page.getChildren().isEmpty()) {
                pages.add(page);
                page = new Group();
                top = 0;
            }
            text.setX(line.indent());
            text.setY(top);
            page.getChildren().add(text);
            y = top + lineHeight;
        }
        pages.add(page);
        return pages;
    }

    private record Line(String text, Font font, Color color, double indent, double spaceBefore) {
    }

    private static List<Line> lines(PrintContent content) {
        Font title = Font.font("Helvetica", FontWeight.BOLD, 20);
        Font heading = Font.font("Helvetica", FontWeight.BOLD, 14);
        Font body = Font.font("Helvetica", 12);
        Font bold = Font.font("Helvetica", FontWeight.BOLD, 12);
        Font small = Font.font("Helvetica", 10);
        List<Line> lines = new ArrayList<>();
        lines.add(new Line(content.title(), title, ACCENT, 0, 0));
        lines.add(new Line(content.residentName(), bold, Color.BLACK, 0, 4));
        lines.add(new Line(content.coachLine() + "   ·   " + content.dateLine(), small, Color.DIMGRAY, 0, 2));

        lines.add(new Line(content.goalsHeading(), heading, ACCENT, 0, 16));
        if (content.goals().isEmpty()) {
            lines.add(new Line(content.noGoals(), body, Color.BLACK, 0, 4));
        }
        for (PrintContent.Goal goal : content.goals()) {
            lines.add(new Line(goal.domain() + ": " + goal.goal(), bold, Color.BLACK, 0, 6));
            for (PrintContent.Step step : goal.steps()) {
                lines.add(new Line((step.done() ? "[x] " : "[  ] ") + step.text(), body, Color.BLACK, 18, 2));
            }
        }

        lines.add(new Line(content.agreementsHeading(), heading, ACCENT, 0, 16));
        if (content.agreements().isEmpty()) {
            lines.add(new Line(content.noAgreements(), body, Color.BLACK, 0, 4));
        }
        List<String> columns = content.agreementColumns();
        for (PrintContent.AgreementLine agreement : content.agreements()) {
            lines.add(new Line(agreement.what(), bold, Color.BLACK, 0, 8));
            if (!agreement.where().isBlank()) {
                lines.add(new Line(agreement.where(), small, Color.DIMGRAY, 18, 1));
            }
            lines.add(new Line(columns.get(1) + ": " + agreement.who() + "   ·   " + columns.get(2) + ": " + agreement.before(),
                    body, Color.BLACK, 18, 1));
        }

        lines.add(new Line(content.footer(), small, Color.DIMGRAY, 0, 24));
        return lines;
    }
}
