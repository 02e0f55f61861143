package dev.atelier.http.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import dev.atelier.http.architecture.cyclic.CyclicFixture;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dependency rule of the hexagon, checked on the production classes of every module (the test
 * classpath of adapters-http holds them all). Each rule must find the classes it talks about
 * ({@code allowEmptyShould(false)}), so a renamed package cannot make it pass vacuously.
 */
class HexagonalArchitectureTest {
    private static final String[] FRAMEWORKS = {
        "io.micronaut..", "jakarta..", "javax.inject..", "com.fasterxml..", "java.sql..", "javax.sql..", "org.slf4j.."
    };
    private static final String DOMAIN = "dev.atelier.domain..";
    private static final String APPLICATION = "dev.atelier.application..";
    private static final String PERSISTENCE = "dev.atelier.persistence..";
    private static final String LLM = "dev.atelier.llm..";
    private static final String HTTP = "dev.atelier.http..";

    private static JavaClasses classes;

    @BeforeAll
    static void importEveryModule() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TEST_FIXTURES)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.atelier");
    }

    private static void check(ArchRule rule) {
        rule.allowEmptyShould(false).check(classes);
    }

    @Test
    void the_domain_uses_no_framework() {
        check(noClasses()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("the domain is plain Java"));
    }

    @Test
    void the_application_uses_no_framework() {
        check(noClasses()
                .that()
                .resideInAPackage(APPLICATION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FRAMEWORKS)
                .because("use cases are plain Java; transactions go through the UnitOfWork port"));
    }

    @Test
    void the_domain_depends_on_nothing_outside_it() {
        check(noClasses()
                .that()
                .resideInAPackage(DOMAIN)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(APPLICATION, PERSISTENCE, LLM, HTTP));
    }

    @Test
    void the_application_does_not_depend_on_adapters() {
        check(noClasses()
                .that()
                .resideInAPackage(APPLICATION)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE, LLM, HTTP));
    }

    @Test
    void the_http_adapter_does_not_import_the_other_adapters() {
        check(noClasses()
                .that()
                .resideInAPackage(HTTP)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE, LLM)
                .because("adapters-http sees the other adapters at runtime only, through the ports"));
    }

    @Test
    void the_persistence_adapter_does_not_import_the_other_adapters() {
        check(noClasses()
                .that()
                .resideInAPackage(PERSISTENCE)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(LLM, HTTP));
    }

    @Test
    void the_llm_adapter_does_not_import_the_other_adapters() {
        check(noClasses()
                .that()
                .resideInAPackage(LLM)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PERSISTENCE, HTTP));
    }

    @Test
    void domain_and_application_carry_no_annotations_of_a_framework() {
        check(noClasses()
                .that()
                .resideInAnyPackage(DOMAIN, APPLICATION)
                .should()
                .beAnnotatedWith(DescribedPredicate.describe(
                        "a framework annotation",
                        annotation -> annotation.getRawType().getPackageName().startsWith("io.micronaut")
                                || annotation.getRawType().getPackageName().startsWith("jakarta"))));
    }

    @Test
    void the_modules_depend_on_each_other_without_a_cycle() {
        check(slices().matching("dev.atelier.(*)..").should().beFreeOfCycles());
    }

    /**
     * Inside a module, packages depend on each other one way only, so each can be read (and moved)
     * without the others. The persistence and LLM adapters are single packages: nothing to check.
     */
    @ParameterizedTest
    @ValueSource(strings = {"domain", "application", "http"})
    void the_packages_of_a_module_depend_on_each_other_without_a_cycle(String module) {
        check(packagesFreeOfCycles("dev.atelier." + module));
    }

    @Test
    void the_cycle_rule_fails_on_a_cycle() {
        String fixture = CyclicFixture.class.getPackageName();
        JavaClasses cyclic = new ClassFileImporter().importPackages(fixture);

        assertThatThrownBy(() ->
                        packagesFreeOfCycles(fixture).allowEmptyShould(false).check(cyclic))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }

    @Test
    void controllers_use_use_cases_and_the_domain_model_only() {
        check(noClasses()
                .that()
                .areAnnotatedWith(Controller.class)
                .should()
                .dependOnClassesThat(resideInAPackage("dev.atelier..")
                        .and(not(resideInAnyPackage(
                                APPLICATION, "dev.atelier.domain.model..", "dev.atelier.domain.error..", HTTP))))
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("dev.atelier.http.config..")
                .because("a controller translates a dialect to use cases: ports and adapters are reached"
                        + " through the application, and the composition root is nobody's dependency"));
    }

    private static ArchRule packagesFreeOfCycles(String rootPackage) {
        return slices().matching(rootPackage + ".(*)..").should().beFreeOfCycles();
    }
}
