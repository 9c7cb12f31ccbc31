package nl.groningen.keukentafel.app.ui.followup;

import java.util.List;
import java.util.UUID;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import nl.groningen.keukentafel.app.domain.Due;
import nl.groningen.keukentafel.app.domain.OpenItem;
import nl.groningen.keukentafel.app.domain.OpenItems;
import nl.groningen.keukentafel.app.ui.CoachSession;
import nl.groningen.keukentafel.app.ui.EnumLabels;
import nl.groningen.keukentafel.app.ui.Messages;
import nl.groningen.keukentafel.app.ui.Navigator;
import nl.groningen.keukentafel.app.ui.ResidentLine;
import nl.groningen.keukentafel.contract.Agreement;
import nl.groningen.keukentafel.contract.AgreementOwner;
import nl.groningen.keukentafel.contract.Referral;

/**
 * Openstaand: every open agreement and open referral of the caseload as lines to read, the first
 * due first, each with its due mark; all of them, or only the agreements or only the referrals.
 */
public final class OpenItemsViewModel {

    private final CoachSession session;
    private final Navigator navigator;
    private final Messages messages;
    private final List<OpenItem> items;
    /** Which kind is shown; null for both. */
    private final ObjectProperty<OpenItem.Kind> kind = new SimpleObjectProperty<>();
    private final ObservableList<ResidentLine> lines = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper count = new ReadOnlyStringWrapper();

    public OpenItemsViewModel(CoachSession session, Navigator navigator) {
        this.session = session;
        this.navigator = navigator;
        this.messages = session.messages();
        this.items = OpenItems.of(session.caseload());
        kind.addListener((o, old, now) -> show());
        show();
    }

    /** The lines shown, in due order. */
    public ObservableList<ResidentLine> lines() {
        return lines;
    }

    /** Which kind of item is shown: agreements, referrals, or both (null). */
    public ObjectProperty<OpenItem.Kind> kindProperty() {
        return kind;
    }

    /** How many lines are shown. */
    public ReadOnlyStringProperty countProperty() {
        return count.getReadOnlyProperty();
    }

    /** The choice's name: "Alleen afspraken", or for null both kinds. */
    public String kindLabel(OpenItem.Kind value) {
        if (value == null) {
            return messages.text("openItems.all");
        }
        return messages.text(value == OpenItem.Kind.AGREEMENT ? "openItems.agreements" : "openItems.referrals");
    }

    /** Opens the dossier of the resident the line is about. */
    public void open(UUID residentId) {
        navigator.showDossier(residentId);
    }

    private void show() {
        lines.setAll(OpenItems.only(items, kind.get()).stream().map(this::line).toList());
        count.set(messages.text("openItems.count", lines.size()));
    }

    private ResidentLine line(OpenItem item) {
        String name = item.resident().fullName();
        String date = item.due() == null ? messages.text("openItems.noDate") : messages.date(item.due());
        String text;
        if (item instanceof OpenItem.OpenAgreement open) {
            Agreement a = open.agreement();
            text = messages.text("openItems.agreementLine", name, a.description(), who(a), date);
        } else {
            Referral r = ((OpenItem.OpenReferral) item).referral();
            text = messages.text("openItems.referralLine", name, session.label(session.reference().partners(), r.partner()),
                    EnumLabels.of(messages, "referral", r.status()), date);
        }
        return new ResidentLine(item.resident().id(), text, Due.of(item.due(), session.today()));
    }

    /** Who does it: the resident, the coach, or the partner by name. */
    private String who(Agreement a) {
        return a.owner() == AgreementOwner.PARTNER ? session.label(session.reference().partners(), a.partner())
                : EnumLabels.of(messages, "owner", a.owner());
    }
}
