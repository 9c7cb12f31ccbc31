package nl.groningen.keukentafel.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The app's dependencies point one way: ui → domain ← store, sync; sync reaches the store only
 * through the domain's ports; no two packages depend on each other, however indirectly. (JabRef's
 * doNotUseGuiInLogic.) The app's classes are analysed with the contract and demo data they use.
 */
@AnalyzeClasses(packages = "nl.groningen.keukentafel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package its own slice, the root ({@code Main}) too: a cycle anywhere fails, with its path. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("nl.groningen.keukentafel.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainImportsNoJavaFxJdbcOrHttp = noClasses()
            .that().resideInAnyPackage("..app.domain..", "..contract..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "javafx..", "org.controlsfx..", "java.sql..", "javax.sql..", "org.sqlite..", "org.flywaydb..",
                    "java.net.http..", "okhttp3..", "io.javalin..");

    @ArchTest
    static final ArchRule domainKnowsNothingAboutItsUsers = noClasses()
            .that().resideInAPackage("..app.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.ui..", "..app.store..", "..app.sync..");

    @ArchTest
    static final ArchRule storeHasNoUi = noClasses()
            .that().resideInAnyPackage("..app.store..", "..app.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "..app.ui..");

    @ArchTest
    static final ArchRule syncKnowsTheStoreOnlyByItsPorts = noClasses()
            .that().resideInAPackage("..app.sync..")
            .should().dependOnClassesThat().resideInAnyPackage("..app.store..");

    @ArchTest
    static final ArchRule uiDoesNotTouchTheDatabase = noClasses()
            .that().resideInAPackage("..app.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..", "..app.store..");
}
