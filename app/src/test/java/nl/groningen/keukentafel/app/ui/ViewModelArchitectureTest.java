package nl.groningen.keukentafel.app.ui;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * A view model runs without the toolkit: of JavaFX it uses properties and observable lists only
 * (which work on any thread, no toolkit started), so that its test is plain JUnit. Timers come in
 * through {@link SaveTimer}, background work and the hop to the UI thread through
 * {@link BackgroundTasks}. The sync status (the status bar's and the conflicts screen's model) is
 * held to the same rule.
 */
@AnalyzeClasses(packages = "nl.groningen.keukentafel.app.ui", importOptions = ImportOption.DoNotIncludeTests.class)
class ViewModelArchitectureTest {

    @ArchTest
    static final ArchRule viewModelsUseOnlyJavaFxPropertiesAndCollections = noClasses()
            .that().haveNameMatching(".*ViewModel(\\$.*)?")
            .or().haveNameMatching(".*\\.sync\\.SyncStatus(\\$.*)?")
            .should().dependOnClassesThat(resideInAPackage("javafx..")
                    .and(not(resideInAnyPackage("javafx.beans..", "javafx.collections.."))))
            .because("a view model is tested without starting the toolkit");
}
