package nl.groningen.keukentafel.app.ui.today;

import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.ResidentList;

/** Vandaag: today's appointments, contacts due, the coach's overdue agreements, referrals to check. */
public final class TodayView extends ScrollPane {

    public TodayView(TodayViewModel model, Messages messages) {
        setId("todayView");
        setFitToWidth(true);
        Label title = new Label(model.title());
        title.getStyleClass().add("screen-title");
        VBox content = new VBox(8, title,
                section(messages.text("today.appointments")),
                new ResidentList("todayAppointments", model.appointments(), messages.text("today.noAppointments"), messages, model::open),
                section(messages.text("today.contactsDue")),
                new ResidentList("todayContactsDue", model.contactsDue(), messages.text("today.noContactsDue"), messages, model::open),
                section(messages.text("today.overdueAgreements")),
                new ResidentList("todayOverdueAgreements", model.overdueAgreements(), messages.text("today.noOverdueAgreements"), messages, model::open),
                section(messages.text("today.referralsToCheck")),
                new ResidentList("todayReferrals", model.referralsToCheck(), messages.text("today.noReferrals"), messages, model::open));
        content.setPadding(new Insets(12));
        setContent(content);
    }

    private static Label section(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("section-title");
        return label;
    }
}
