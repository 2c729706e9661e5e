package io.platform.redis;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The direction of the dependencies, written down once: the application (the main command, the stack files, the
 * docs, the offline check, the build's generator) uses the public API (the constructs and their configurations, in
 * {@code io.platform.redis} and {@code io.platform.redis.chat}, nothing else there), which uses the checks, the
 * construction helpers and the chat design, which use the foundation: the catalogs and the module's resources, the HCL renderer, file helpers. Nothing points
 * up, and no two packages depend on each other. No exceptions.
 */
class ArchitectureTest {
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.platform.redis");

    @Test
    void eachLayerUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Application").definedBy("io.platform.redis.app..", "io.platform.redis.build..", "io.platform.redis.synth..",
                        "io.platform.redis.stacks..", "io.platform.redis.config..", "io.platform.redis.daytwo..",
                        "io.platform.redis.docs..", "io.platform.redis.cost..", "io.platform.redis.offline..")
                .layer("API").definedBy("io.platform.redis", "io.platform.redis.chat..")
                .layer("Checks and construction").definedBy("io.platform.redis.checks..", "io.platform.redis.construct..",
                        "io.platform.redis.chatdesign..")
                .layer("Foundation").definedBy("io.platform.redis.module..", "io.platform.redis.hcl..", "io.platform.redis.files..")
                .whereLayer("Application").mayNotBeAccessedByAnyLayer()
                .whereLayer("API").mayOnlyBeAccessedByLayers("Application")
                .whereLayer("Checks and construction").mayOnlyBeAccessedByLayers("Application", "API")
                .whereLayer("Foundation").mayOnlyBeAccessedByLayers("Application", "API", "Checks and construction")
                .check(CLASSES);
    }

    @Test
    void noTwoPackagesDependOnEachOther() {
        slices().matching("io.platform.redis.(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** The public packages hold the API and nothing else: every class there is one a user may import. */
    @Test
    void thePublicPackagesHoldOnlyThePinnedApi() {
        java.util.Set<String> api = new java.util.TreeSet<>();
        PublicApiTest.API.forEach(type -> api.add(type.getName()));
        java.util.Set<String> found = new java.util.TreeSet<>();
        CLASSES.stream().filter(c -> c.getPackageName().equals("io.platform.redis") || c.getPackageName().equals("io.platform.redis.chat"))
                .filter(c -> !c.isAnonymousClass() && !c.getSimpleName().isEmpty())
                .forEach(c -> found.add(c.getName()));
        org.junit.jupiter.api.Assertions.assertEquals(api, found);
    }
}
