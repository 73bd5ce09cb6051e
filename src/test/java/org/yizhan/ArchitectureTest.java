package org.yizhan;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The package rules of docs/architecture.md, checked on every build. */
@AnalyzeClasses(packages = "org.yizhan", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule onlyUiAndAppUseJavaFx = noClasses()
            .that().resideOutsideOfPackages("org.yizhan.ui..", "org.yizhan.app..")
            .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..", "org.kordamp..")
            .because("the catalog, config and (later) the hall server must run without a display");

    @ArchTest
    static final ArchRule onlyTheCatalogTouchesSql = noClasses()
            .that().resideOutsideOfPackages("org.yizhan.storage..", "org.yizhan.catalog..", "org.yizhan.server..",
                    "org.yizhan.search.bench..")
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "org.sqlite..")
            .because("storage stays behind the stores (org.yizhan.storage and the stores built on it); "
                    + "the search benchmark's FTS5 baseline is the one measured exception");

    @ArchTest
    static final ArchRule modelIsPlainJava = classes()
            .that().resideInAPackage("org.yizhan.model..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.model..", "java..")
            .because("the domain records are shared by every part, with no library attached");

    @ArchTest
    static final ArchRule configNeedsOnlyTheJdk = classes()
            .that().resideInAPackage("org.yizhan.config..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.config..", "org.yizhan.model..", "java..")
            .because("a technician's file is read before anything else starts");

    @ArchTest
    static final ArchRule jacksonOnlyAtJsonBoundaries = noClasses()
            .that().resideInAnyPackage("org.yizhan.ui..", "org.yizhan.model..", "org.yizhan.config..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("JSON is read where it crosses a boundary, not in screens");

    @ArchTest
    static final ArchRule syncNeedsOnlyTheCatalog = classes()
            .that().resideInAPackage("org.yizhan.sync")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.sync..", "org.yizhan.catalog..",
                    "org.yizhan.model..", "org.yizhan.config..", "java..", "javax..", "org.slf4j..")
            .because("the kiosk's sync fetches, verifies and applies bundles, and knows nothing of screens or the server");

    @ArchTest
    static final ArchRule serverNeedsOnlyTheCatalog = classes()
            .that().resideInAPackage("org.yizhan.server..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.server..", "org.yizhan.catalog..",
                    "org.yizhan.model..", "java..", "javax..", "com.sun.net.httpserver..", "com.fasterxml.jackson..",
                    "org.slf4j..")
            .because("the hall server runs without a display and without the kiosk");

    @ArchTest
    static final ArchRule screensDoNotKnowEachOther = slices()
            .matching("org.yizhan.ui.(*)..")
            .should().notDependOnEachOther()
            .because("screens navigate through the shell's Destinations");

    @ArchTest
    static final ArchRule noCycles = slices()
            .matching("org.yizhan.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule nothingBelowUsesTheCompositionRoot = noClasses()
            .that().resideOutsideOfPackages("org.yizhan.app..", "org.yizhan.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yizhan.app..", "org.yizhan.cli..")
            .because("wiring happens in one place");
}
