package dev.atelier.http.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

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
}
