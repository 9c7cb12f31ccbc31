package nl.groningen.keukentafel.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server's domain stays free of HTTP and JDBC; storage and http depend on it, not the reverse; SQL stays in storage. */
@AnalyzeClasses(packages = "nl.groningen.keukentafel", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package its own slice, the server's root (the command line, settings) too: no cycle anywhere. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("nl.groningen.keukentafel.(**)").should().beFreeOfCycles();

    @ArchTest
    static final ArchRule domainUsesNoHttpOrJdbc = noClasses()
            .that().resideInAnyPackage("..server.domain..", "..contract..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "java.sql..", "javax.sql..", "io.javalin..", "org.eclipse.jetty..", "java.net.http..",
                    "okhttp3..", "org.flywaydb..", "com.zaxxer..", "javafx..");

    @ArchTest
    static final ArchRule domainDoesNotReachOut = noClasses()
            .that().resideInAPackage("..server.domain..")
            .should().dependOnClassesThat().resideInAnyPackage("..server.http..", "..server.storage..");

    @ArchTest
    static final ArchRule httpLeavesTheDatabaseToStorage = noClasses()
            .that().resideInAPackage("..server.http..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.flywaydb..", "com.zaxxer..");
}
