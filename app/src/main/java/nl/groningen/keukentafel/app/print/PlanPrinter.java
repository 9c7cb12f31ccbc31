package nl.groningen.keukentafel.app.print;

import javafx.stage.Window;

/**
 * Sends the printout for the resident to a printer the coach picks in the system's print dialog.
 * An interface so that the composition root gives the real one ({@link SystemPrinter}) and a
 * headless test, which cannot show the system's dialog, a recording one.
 */
@FunctionalInterface
public interface PlanPrinter {

    /** How a print went, for the dossier to say so. */
    enum Outcome { PRINTED, CANCELLED, NO_PRINTER, FAILED }

    /** Asks for the printer (system dialog, owned by {@code owner}) and prints {@code content}; on the UI thread. */
    Outcome print(PrintContent content, Window owner);
}
