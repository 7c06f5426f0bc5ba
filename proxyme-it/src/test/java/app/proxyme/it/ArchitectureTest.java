package app.proxyme.it;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The hexagon's walls: a domain of plain Java, adapters that know only ports, views that call use cases. */
@AnalyzeClasses(packages = "app.proxyme",
        importOptions = {ImportOption.DoNotIncludeTests.class, ArchitectureTest.NoTestJars.class})
class ArchitectureTest {
    /** Test classes shared as {@code -tests.jar} between modules are not production code either. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(com.tngtech.archunit.core.importer.Location location) {
            return !location.contains("-tests.jar") && !location.contains("/test-classes/");
        }
    }

    @ArchTest
    static final ArchRule domain_depends_on_nothing_but_the_jdk = classes()
            .that().resideInAPackage("app.proxyme.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("app.proxyme.domain..", "java..")
            .because("the decision must not depend on a framework (STYLE.md)");

    @ArchTest
    static final ArchRule adapters_do_not_depend_on_each_other = slices()
            .matching("app.proxyme.engine.adapter.(*)..")
            .should().notDependOnEachOther()
            .because("each adapter translates one technology to the core's ports");

    @ArchTest
    static final ArchRule use_cases_know_ports_not_adapters = noClasses()
            .that().resideInAnyPackage("app.proxyme.domain..", "app.proxyme.engine.approval..",
                    "app.proxyme.engine.meeting..", "app.proxyme.engine.policy..", "app.proxyme.engine.audit..")
            .should().dependOnClassesThat().resideInAPackage("app.proxyme.engine.adapter..")
            .because("use cases reach the outside only through ports; the composition root picks the adapters");

    @ArchTest
    static final ArchRule adapters_are_reached_through_ports_only = noClasses()
            .that().resideInAPackage("app.proxyme.engine.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("app.proxyme.engine.approval..",
                    "app.proxyme.engine.meeting..", "app.proxyme.web..", "app.proxyme.admin..")
            .because("an adapter implements a port; it does not call use cases or the runtime");

    @ArchTest
    static final ArchRule engine_does_not_depend_on_the_runtime = noClasses()
            .that().resideInAPackage("app.proxyme.engine..")
            .should().dependOnClassesThat().resideInAnyPackage("app.proxyme.web..", "app.proxyme.admin..",
                    "io.helidon..", "jakarta.ws..", "jakarta.websocket..", "com.vaadin..");

    @ArchTest
    static final ArchRule views_call_use_cases_not_adapters = noClasses()
            .that().resideInAnyPackage("app.proxyme.admin..", "app.proxyme.web..")
            .should().dependOnClassesThat().resideInAPackage("app.proxyme.engine.adapter..")
            .because("the runtime and the console go through use cases and ports");

    @ArchTest
    static final ArchRule no_cycles_between_packages = slices()
            .matching("app.proxyme.(**)")
            .should().beFreeOfCycles();
}
