package org.jobsearch.resume;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.jobsearch.architecture.ServiceArchitecture;
import org.junit.jupiter.api.Test;

/** Package by feature (jd, job, listing), then role: see {@link ServiceArchitecture}. */
class ArchitectureTest {

    private static final String BASE = "org.jobsearch.resume";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(BASE);

    @Test
    void featuresUseOnlyEachOthersApi() {
        ServiceArchitecture.featuresUseOnlyEachOthersApi(BASE).allowEmptyShould(true).check(CLASSES);
    }

    @Test
    void domainIsIndependentOfWebAndMessaging() {
        ServiceArchitecture.domainIndependentOfWebAndMessaging(BASE).allowEmptyShould(true).check(CLASSES);
    }
}
