package org.jobsearch.discovery;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jobsearch.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Package by feature, then role: see {@link ServiceArchitecture}. */
class ArchitectureTest {

    private static final String BASE = "org.jobsearch.discovery";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void featuresUseOnlyEachOthersApi() {
        ServiceArchitecture.featuresUseOnlyEachOthersApi(BASE).check(CLASSES);
    }

    @Test
    void domainIsIndependentOfWebAndMessaging() {
        ServiceArchitecture.domainIndependentOfWebAndMessaging(BASE).check(CLASSES);
    }
}
