package dbmedic.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The engine must work without a toolkit: the wizard and the CLI are thin faces over it. */
@AnalyzeClasses(packages = "dbmedic", importOptions = ImportOption.DoNotIncludeTests.class)
class CoreHasNoToolkitTest {

    @ArchTest
    static final ArchRule coreDoesNotUseJavaFx = noClasses().that().resideInAPackage("dbmedic.core..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "atlantafx..");

    @ArchTest
    static final ArchRule coreDoesNotUseTheFaces = noClasses().that().resideInAPackage("dbmedic.core..")
            .should().dependOnClassesThat().resideInAnyPackage("dbmedic.ui..", "dbmedic.cli..", "picocli..");

    @ArchTest
    static final ArchRule cliDoesNotUseJavaFx = noClasses().that().resideInAPackage("dbmedic.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "dbmedic.ui..");
}
