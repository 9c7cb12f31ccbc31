package nl.groningen.keukentafel.app.print;

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
import java.util.List;

/**
 * The council's figures on A4, in plain Dutch, one table per figure as the council letters have
 * them: what was counted, how many, what share. Every text comes ready from the caller (counts
 * already hidden where the export is about few people); this class only lays it out.
 */
public final class ReportPrintout {

    private static final Color ACCENT = new Color(0x1d, 0x4e, 0x6b);
    private static final Color HEADER = new Color(0xec, 0xef, 0xf1);

    /** The printout: a title, lines under it (period, scope), a note (about hidden counts, or null) and the figures. */
    public record Content(String title, List<String> lines, String note, List<Section> sections, String footer) {

        public Content {
            lines = List.copyOf(lines);
            sections = List.copyOf(sections);
        }
    }

    /** One figure: its title, where the council's letter has it, its columns and its lines (the first column is words). */
    public record Section(String title, String source, List<String> columns, List<List<String>> rows, String empty) {

        public Section {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    private ReportPrintout() {
    }

    public static void write(Content content, OutputStream out) throws IOException {
        Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 18, ACCENT);
        Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13, ACCENT);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 10);
        Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
        Font small = FontFactory.getFont(FontFactory.HELVETICA, 9, Color.DARK_GRAY);

        Document document = new Document(PageSize.A4, 48, 48, 48, 48);
        try {
            PdfWriter.getInstance(document, out);
            document.addTitle(content.title());
            document.open();
            document.add(new Paragraph(content.title(), title));
            for (String line : content.lines()) {
                document.add(new Paragraph(line, body));
            }
            if (content.note() != null) {
                Paragraph note = new Paragraph(content.note(), bold);
                note.setSpacingBefore(8);
                document.add(note);
            }
            for (Section section : content.sections()) {
                Paragraph name = new Paragraph(section.title(), heading);
                name.setSpacingBefore(16);
                name.setKeepTogether(true);
                document.add(name);
                document.add(new Paragraph(section.source(), small));
                if (section.rows().isEmpty()) {
                    document.add(new Paragraph(section.empty(), body));
                    continue;
                }
                float[] widths = new float[section.columns().size()];
                widths[0] = 5;
                for (int i = 1; i < widths.length; i++) {
                    widths[i] = 1.6f;
                }
                PdfPTable table = new PdfPTable(widths);
                table.setWidthPercentage(100);
                table.setSpacingBefore(6);
                table.setHeaderRows(1);
                for (int i = 0; i < section.columns().size(); i++) {
                    PdfPCell header = cell(new Phrase(section.columns().get(i), bold), i);
                    header.setBackgroundColor(HEADER);
                    table.addCell(header);
                }
                for (List<String> row : section.rows()) {
                    for (int i = 0; i < row.size(); i++) {
                        // A sub-line's label starts with em spaces, which the PDF's Helvetica has no glyph for: an indent instead.
                        String text = row.get(i);
                        int depth = 0;
                        while (depth < text.length() && text.charAt(depth) == '\u2003') {
                            depth++;
                        }
                        PdfPCell cell = cell(new Phrase(text.substring(depth), body), i);
                        cell.setPaddingLeft(cell.getPaddingLeft() + 12 * depth);
                        table.addCell(cell);
                    }
                }
                document.add(table);
            }
            Paragraph footer = new Paragraph(content.footer(), small);
            footer.setSpacingBefore(20);
            document.add(footer);
        } catch (DocumentException e) {
            throw new IOException("The report could not be made", e);
        } finally {
            if (document.isOpen()) {
                document.close();
            }
        }
    }

    /** A cell; numbers (every column but the first) are right-aligned so they line up. */
    private static PdfPCell cell(Phrase phrase, int column) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setPadding(4);
        cell.setBorderColor(Color.LIGHT_GRAY);
        cell.setHorizontalAlignment(column == 0 ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT);
        return cell;
    }
}
