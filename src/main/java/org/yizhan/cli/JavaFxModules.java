package org.yizhan.cli;

import java.lang.module.Configuration;
import java.lang.module.ModuleFinder;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the jar with JavaFX as named modules, the only way JavaFX supports (on the class path it warns
 * "Unsupported JavaFX configuration" at every start), although {@code java -jar} has no module path. The build
 * stores JavaFX's modules unpacked under {@value #FOLDER} in the jar, one folder each (pom.xml); this defines
 * them as a module layer straight from the jar, then loads the rest of the jar in a class loader above it.
 */
final class JavaFxModules {
    static final String FOLDER = "javafx-modules";

    /** A package of a JavaFX module that ControlsFX reaches into: exported to it, or also opened. */
    private record Grant(String module, String pkg, boolean open) {
    }

    /** As `mvn javafx:run` grants them (pom.xml). */
    private static final List<Grant> GRANTS = List.of(
            new Grant("javafx.base", "com.sun.javafx.event", false),
            new Grant("javafx.controls", "com.sun.javafx.scene.control", false),
            new Grant("javafx.graphics", "com.sun.javafx.scene", false),
            new Grant("javafx.controls", "javafx.scene.control.skin", true),
            new Grant("javafx.graphics", "javafx.scene", true));

    private JavaFxModules() {
    }

    /** The folder of JavaFX's modules in the jar (or classes folder) {@code main} was loaded from, if it has one. */
    static Optional<Path> of(Class<?> main) throws Exception {
        URL location = main.getProtectionDomain().getCodeSource().getLocation();
        Path code = Path.of(location.toURI());
        // The jar's file system stays open: the layer reads JavaFX's classes and native libraries from it.
        Path folder = Files.isDirectory(code) ? code.resolve(FOLDER) : FileSystems.newFileSystem(code).getPath(FOLDER);
        return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
    }

    /** Calls {@code main.main(args)} again, loaded afresh above a layer of the JavaFX modules in {@code folder}. */
    static void relaunch(Class<?> main, Path folder, String[] args) throws Exception {
        Configuration modules = ModuleLayer.boot().configuration()
                .resolve(ModuleFinder.of(folder), ModuleFinder.of(), Set.of("javafx.controls"));
        ModuleLayer.Controller javafx = ModuleLayer.defineModulesWithOneLoader(modules, List.of(ModuleLayer.boot()),
                ClassLoader.getPlatformClassLoader());
        URL jar = main.getProtectionDomain().getCodeSource().getLocation();
        ClassLoader app = new URLClassLoader("yizhan", new URL[] {jar}, javafx.layer().findLoader("javafx.graphics"));
        for (Grant grant : GRANTS) {
            Module module = javafx.layer().findModule(grant.module()).orElseThrow();
            if (grant.open()) {
                javafx.addOpens(module, grant.pkg(), app.getUnnamedModule());
            } else {
                javafx.addExports(module, grant.pkg(), app.getUnnamedModule());
            }
        }
        Thread.currentThread().setContextClassLoader(app);
        app.loadClass(main.getName()).getMethod("main", String[].class).invoke(null, (Object) args);
    }
}
