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
    static final ArchRule onlyStorageKnowsPostgresql = noClasses()
            .that().resideOutsideOfPackages("org.yizhan.storage..")
            .should().dependOnClassesThat().resideInAnyPackage("org.postgresql..", "com.zaxxer..")
            .because("the stores' SQL is one text for both engines; only org.yizhan.storage knows which is under it");

    @ArchTest
    static final ArchRule onlyTheCatalogTouchesSql = noClasses()
            .that().resideOutsideOfPackages("org.yizhan.storage..", "org.yizhan.catalog..", "org.yizhan.server..",
                    "org.yizhan.outbox..", "org.yizhan.bench..")
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
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.config..", "org.yizhan.model..", "java..",
                    "javax.crypto..")
            .because("a technician's file is read before anything else starts");

    @ArchTest
    static final ArchRule languageNeedsOnlyTheCatalogAndItsConverter = classes()
            .that().resideInAPackage("org.yizhan.language..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.language..", "org.yizhan.catalog..",
                    "org.yizhan.model..", "org.yizhan.config..", "java..", "com.github.houbb.opencc4j..")
            .because("what a screen shows in 繁體 or English is worked out from records, without the toolkit");

    @ArchTest
    static final ArchRule onlyLanguageConvertsScripts = noClasses()
            .that().resideOutsideOfPackages("org.yizhan.language..")
            .should().dependOnClassesThat().resideInAnyPackage("com.github.houbb.opencc4j..")
            .because("one converter, one place: Traditional (search folds 繁體 with OpenCC's character table, a file)");

    @ArchTest
    static final ArchRule jacksonOnlyAtJsonBoundaries = noClasses()
            .that().resideInAnyPackage("org.yizhan.ui..", "org.yizhan.model..", "org.yizhan.config..")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..")
            .because("JSON is read where it crosses a boundary, not in screens");

    @ArchTest
    static final ArchRule syncNeedsOnlyTheCatalog = classes()
            .that().resideInAPackage("org.yizhan.sync..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.sync..", "org.yizhan.catalog..",
                    "org.yizhan.model..", "org.yizhan.config..", "org.yizhan.hall..", "java..", "javax..", "org.slf4j..")
            .because("the kiosk's sync fetches, verifies and applies bundles, and knows nothing of screens or the server");

    @ArchTest
    static final ArchRule theHallClientStandsAlone = classes()
            .that().resideInAPackage("org.yizhan.hall..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.hall..", "org.yizhan.model..",
                    "org.yizhan.config..", "org.yizhan.json..", "java..", "javax..", "com.fasterxml.jackson..", "org.slf4j..")
            .because("sync, tickets, status, ratings and heartbeats all ask the hall server through it, "
                    + "so it knows none of them, nor screens or the server");

    @ArchTest
    static final ArchRule serverNeedsOnlyTheCatalog = classes()
            .that().resideInAPackage("org.yizhan.server..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.server..", "org.yizhan.catalog..",
                    "org.yizhan.model..", "org.yizhan.json..", "org.yizhan.storage..", "org.yizhan.queue..",
                    "org.yizhan.status..", "org.yizhan.fleet..", "org.yizhan.rating..", "org.yizhan.config..", "java..",
                    "javax..", "org.eclipse.jetty..", "com.fasterxml.jackson..",
                    "org.slf4j..")
            .because("the hall server runs without a display and without the kiosk; the queue's, the status' and "
                    + "the fleet's wire records are the one thing it shares with the kiosk's side");

    @ArchTest
    static final ArchRule theEngineStaysInTheServersHttpClasses = noClasses()
            .that().resideInAnyPackage("org.yizhan.server.queue..", "org.yizhan.server.status..",
                    "org.yizhan.server.fleet..", "org.yizhan.server.rating..")
            .should().dependOnClassesThat().resideInAPackage("org.eclipse.jetty..")
            .because("routes see a request through org.yizhan.server.Exchange, so the engine can be changed in one package");

    @ArchTest
    static final ArchRule theQueueIsWireRecordsAndTheKiosksClient = classes()
            .that().resideInAPackage("org.yizhan.queue..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.queue..", "org.yizhan.hall..",
                    "org.yizhan.json..", "org.yizhan.model..", "org.yizhan.config..", "java..", "javax..",
                    "com.fasterxml.jackson..", "org.slf4j..")
            .because("the server and the kiosk both read these records, so they know neither the server nor screens");

    @ArchTest
    static final ArchRule theStatusIsWireRecordsAndTheKiosksClient = classes()
            .that().resideInAPackage("org.yizhan.status..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.status..", "org.yizhan.hall..",
                    "org.yizhan.json..", "org.yizhan.model..", "org.yizhan.config..", "java..", "javax..",
                    "com.fasterxml.jackson..", "org.slf4j..")
            .because("the server and the kiosk both read these records, so they know neither the server nor screens");

    @ArchTest
    static final ArchRule theFleetIsWireRecords = classes()
            .that().resideInAPackage("org.yizhan.fleet..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.fleet..", "org.yizhan.hall..",
                    "org.yizhan.json..", "org.yizhan.model..", "org.yizhan.config..", "java..", "javax..",
                    "com.fasterxml.jackson..", "org.slf4j..")
            .because("a kiosk writes a heartbeat and the server and the fleet command read it, so the records know "
                    + "neither the server, the outbox nor screens (the kiosk's app fills them in)");

    @ArchTest
    static final ArchRule theRatingIsWireRecords = classes()
            .that().resideInAPackage("org.yizhan.rating..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.rating..", "org.yizhan.hall..",
                    "org.yizhan.json..", "org.yizhan.model..", "org.yizhan.config..", "java..", "javax..",
                    "com.fasterxml.jackson..", "org.slf4j..")
            .because("a kiosk makes a rating and the server and the ratings command read it, so the records know "
                    + "neither the server, the outbox nor screens (the rating screen puts them in the outbox)");

    @ArchTest
    static final ArchRule theOutboxKnowsOnlyItsStoreAndTheHallClient = classes()
            .that().resideInAPackage("org.yizhan.outbox..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.outbox..", "org.yizhan.storage..",
                    "org.yizhan.hall..", "org.yizhan.json..", "java..", "javax..", "com.fasterxml.jackson..",
                    "org.slf4j..", "org.sqlite..")
            .because("tickets, ratings and heartbeats all go through it, so it knows none of them but as paths and "
                    + "bodies, and nothing of screens or the server");

    @ArchTest
    static final ArchRule printingNeedsOnlyTheJdk = classes()
            .that().resideInAPackage("org.yizhan.print..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.print..", "java..", "org.slf4j..")
            .because("tickets print from a background thread without a display; the system printer, which needs "
                    + "JavaFX, lives in ui.print and is handed in by the composition root");

    @ArchTest
    static final ArchRule speechNeedsOnlyTheJdkAndItsSettings = classes()
            .that().resideInAPackage("org.yizhan.speech..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.speech..", "org.yizhan.config..",
                    "java..", "org.slf4j..")
            .because("an engine is a program the kiosk starts, found from kiosk.properties; the screens decide what "
                    + "is read, the shell when, so it knows neither");

    @ArchTest
    static final ArchRule searchNeedsOnlyTheModel = classes()
            .that().resideInAPackage("org.yizhan.search..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("org.yizhan.search..", "org.yizhan.model..",
                    "java..", "com.github.houbb..")
            .because("the index is built from records in memory; its benchmark lives in bench, beside the others");

    @ArchTest
    static final ArchRule viewModelsHoldNoNodes = noClasses()
            .that().haveSimpleNameEndingWith("ViewModel")
            .should().dependOnClassesThat().resideInAnyPackage("javafx.scene..", "javafx.stage..", "org.controlsfx..")
            .because("a ViewModel is state and logic, tested without the toolkit; only its View builds nodes");

    @ArchTest
    static final ArchRule theUiDoesNotReachIntoTheServer = noClasses()
            .that().resideInAPackage("org.yizhan.ui..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yizhan.server..", "org.yizhan.bench..",
                    "org.yizhan.sync..")
            .because("screens talk to the hall server through the clients the composition root gives them, never to its code");

    @ArchTest
    static final ArchRule commandsBuildNoScreens = noClasses()
            .that().resideInAPackage("org.yizhan.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yizhan.ui..", "javafx..")
            .because("a command hands the kiosk its configuration and problems; the app package turns them into a page");

    @ArchTest
    static final ArchRule benchmarksAreForTheCommandLineOnly = noClasses()
            .that().resideOutsideOfPackages("org.yizhan.bench..", "org.yizhan.cli..")
            .should().dependOnClassesThat().resideInAnyPackage("org.yizhan.bench..")
            .because("benchmarks measure the product from outside; nothing in it depends on them");

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
