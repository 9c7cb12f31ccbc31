package nl.groningen.keukentafel.app.print;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;

/**
 * The printout for the resident: their development plan and open agreements on A4, large plain
 * type, nothing the resident did not agree to. Transparency is one of the four core values.
 */
public final class PlanPrintout {

    private static final Color ACCENT = new Color(0x1d, 0x4e, 0x6b);

    private PlanPrintout() {
    }

    public static void write(PrintContent content, OutputStream out) throws IOException {
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 20, ACCENT);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14, ACCENT);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 12);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 10, Color.DARK_GRAY);

        Document document = new Document(PageSize.A4, 56, 56, 56, 56);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(content.title());
            document.open();
            document.add(new Paragraph(content.title(), title));
            document.add(new Paragraph(content.residentName(), bold));
            document.add(new Paragraph(content.coachLine() + "   ·   " + content.dateLine(), small));

            document.add(spaced(new Paragraph(content.goalsHeading(), heading)));
            if (content.goals().isEmpty()) {
                document.add(new Paragraph(content.noGoals(), body));
            }
            for (PrintContent.Goal goal : content.goals()) {
                Paragraph goalLine = new Paragraph();
                goalLine.add(new Chunk(goal.domain() + ": ", bold));
                goalLine.add(new Chunk(goal.goal(), body));
                goalLine.setSpacingBefore(6);
                document.add(goalLine);
                for (PrintContent.Step step : goal.steps()) {
                    Paragraph stepLine = new Paragraph((step.done() ? "[x] " : "[  ] ") + step.text(), body);
                    stepLine.setIndentationLeft(18);
                    document.add(stepLine);
                }
            }

            document.add(spaced(new Paragraph(content.agreementsHeading(), heading)));
            if (content.agreements().isEmpty()) {
                document.add(new Paragraph(content.noAgreements(), body));
            } else {
                PdfPTable table = new PdfPTable(new float[] {5, 2.5f, 2});
                table.setWidthPercentage(100);
                table.setSpacingBefore(6);
                table.setHeaderRows(1);
                for (String column : content.agreementColumns()) {
                    PdfPCell header = cell(new Phrase(column, bold));
                    header.setBackgroundColor(new Color(0xec, 0xef, 0xf1));
                    table.addCell(header);
                }
                for (PrintContent.AgreementLine line : content.agreements()) {
                    Phrase what = new Phrase(line.what(), body);
                    if (!line.where().isBlank()) {
                        what.add(new Chunk("\n" + line.where(), small));
                    }
                    table.addCell(cell(what));
                    table.addCell(cell(new Phrase(line.who(), body)));
                    table.addCell(cell(new Phrase(line.before(), body)));
                }
                document.add(table);
            }

            Paragraph footer = new Paragraph(content.footer(), small);
            footer.setSpacingBefore(24);
            footer.setAlignment(Element.ALIGN_LEFT);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IOException("The printout could not be made", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    private static Paragraph spaced(Paragraph paragraph) {
        paragraph.setSpacingBefore(16);
        return paragraph;
    }

    private static PdfPCell cell(Phrase phrase) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(6);
        cell.setBorderColor(Color.LIGHT_GRAY);
        return cell;
    }
}
