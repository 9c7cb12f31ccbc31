package nl.groningen.keukentafel.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javafx.css.CssParser;
import javafx.css.Rule;
import javafx.css.Selector;
import javafx.css.Stylesheet;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.PopupControl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The app's look ({@code theme.css}, in place of Modena) holds for the app as it grows: the sheets
 * read without errors, the build puts their binary form beside them (what JavaFX then loads), and
 * every kind of control the app makes has rules in the theme, so none is drawn bare.
 */
class ThemeTest {

    private static final Pattern MADE_IN_CODE = Pattern.compile("new ([A-Z][A-Za-z]+)\\s*(<[^>]*>)?\\(");

    @AfterEach
    void forgetHighContrast() {
        System.clearProperty(Theme.HIGH_CONTRAST_PROPERTY);
    }

    @Test
    void theSheetsReadWithoutErrors() throws IOException {
        for (String sheet : new String[] {"theme.css", "keukentafel.css"}) {
            CssParser.errorsProperty().clear();
            Stylesheet parsed = new CssParser().parse(resource(sheet));
            assertThat(CssParser.errorsProperty()).as(sheet).isEmpty();
            assertThat(parsed.getRules()).as(sheet).isNotEmpty();
        }
    }

    @Test
    void theBuildPutsEachSheetsBinaryFormBesideIt() throws IOException {
        for (String sheet : new String[] {"theme", "keukentafel"}) {
            URL binary = Theme.class.getResource(sheet + ".bss");
            assertThat(binary).as(sheet + ".bss (exec-maven-plugin, process-classes)").isNotNull();
            assertThat(selectors(Stylesheet.loadBinary(binary)))
                    .as(sheet + ".bss made from this " + sheet + ".css")
                    .isEqualTo(selectors(new CssParser().parse(resource(sheet + ".css"))));
        }
    }

    @Test
    void everyKindOfControlTheAppMakesHasRulesInTheTheme() throws IOException, ClassNotFoundException {
        Set<String> styled = selectors(new CssParser().parse(resource("theme.css")));
        Set<String> made = new TreeSet<>();
        for (String source : MainSources.read().values()) {
            Matcher matcher = MADE_IN_CODE.matcher(source);
            while (matcher.find()) {
                made.add(matcher.group(1));
            }
        }
        Set<String> controls = new TreeSet<>();
        for (String name : made) {
            Class<?> type = javafxControl(name);
            if (type == null) {
                continue;
            }
            controls.add(name);
            String styleClass = styleClassOf(type);
            Pattern byClass = Pattern.compile("\\." + Pattern.quote(styleClass) + "(?![\\w-])");
            assertThat(styled.stream().anyMatch(selector -> byClass.matcher(selector).find()))
                    .as("the app makes a %s: theme.css needs rules for .%s", name, styleClass)
                    .isTrue();
        }
        assertThat(controls).contains("TableView", "DatePicker", "CheckBox", "Spinner", "Alert");
    }

    /**
     * Styles go in the style sheets, by class: a style set in code ({@code setStyle}) is CSS text,
     * which JavaFX parses when the node is first styled (its whole CSS parser, at a cold start), and
     * which neither the theme nor a high-contrast sheet can override.
     */
    @Test
    void noStyleIsSetInCode() throws IOException {
        for (Map.Entry<Path, String> source : MainSources.read().entrySet()) {
            assertThat(source.getValue()).as(source.getKey().toString()).doesNotContain(".setStyle(");
        }
    }

    /** JavaFX's own way to ask for a high-contrast sheet counts: Theme.apply then leaves Modena in place. */
    @Test
    void highContrastAskedForThroughJavaFxsPropertyIsSeen() {
        System.setProperty(Theme.HIGH_CONTRAST_PROPERTY, "BLACKONWHITE");
        assertThat(Theme.highContrast()).isTrue();
    }

    /** The control class {@code name} in javafx.scene.control, or null (loaded without initialising: no toolkit needed). */
    private static Class<?> javafxControl(String name) throws ClassNotFoundException {
        Class<?> type;
        try {
            type = Class.forName("javafx.scene.control." + name, false, ThemeTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return null;
        }
        boolean visual = Control.class.isAssignableFrom(type) || PopupControl.class.isAssignableFrom(type)
                || Dialog.class.isAssignableFrom(type);
        return visual ? type : null;
    }

    /**
     * The style class a control is styled by: JavaFX names it after the class (DatePicker:
     * date-picker); a theme may style the shared base instead (text fields and areas by
     * .text-input, drop-downs and date pickers by .combo-box-base) and dialogs by their pane.
     */
    private static String styleClassOf(Class<?> type) {
        if (javafx.scene.control.TextInputControl.class.isAssignableFrom(type)) {
            return "text-input";
        }
        if (javafx.scene.control.ComboBoxBase.class.isAssignableFrom(type)) {
            return "combo-box-base";
        }
        if (Dialog.class.isAssignableFrom(type)) {
            return "dialog-pane";
        }
        return type.getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
    }

    private static Set<String> selectors(Stylesheet sheet) {
        return sheet.getRules().stream()
                .map(Rule::getSelectors)
                .flatMap(java.util.List::stream)
                .map(Selector::toString)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static URL resource(String name) {
        URL url = Theme.class.getResource(name);
        assertThat(url).as(name).isNotNull();
        return url;
    }
}
