package org.jobsearch.resume.jd;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OfflineJdParserTest {

    static final List<JdCorpus> CORPUS = JdCorpus.ALL;

    static ParsedJd parse(JdCorpus jd) {
        return OfflineJdParser.extract(JdPreprocessor.clean(jd.text()), jd.text());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CORPUS")
    void findsEveryListedRequirement(JdCorpus jd) {
        List<String> texts = parse(jd).requirements().stream().map(ParsedJd.Requirement::text).toList();

        for (String requirement : jd.requirements()) {
            assertThat(texts).as(requirement).anyMatch(text -> text.contains(requirement));
        }
        assertThat(texts).noneMatch(text -> text.toLowerCase().contains("degree"));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("CORPUS")
    void readsYearsSalaryWorkSettingLevelAndJobIdWherePresent(JdCorpus jd) {
        ParsedJd.Metadata metadata = parse(jd).metadata();

        assertThat(metadata.minExperienceYears()).as("years").isEqualTo(jd.minYears());
        assertThat(metadata.minSalary()).as("min salary").isEqualTo(jd.minSalary());
        assertThat(metadata.maxSalary()).as("max salary").isEqualTo(jd.maxSalary());
        assertThat(metadata.workSetting()).as("work setting").isEqualTo(jd.workSetting());
        assertThat(metadata.level()).as("level").isEqualTo(jd.level());
        assertThat(metadata.externalJobId()).as("job id").isEqualTo(jd.externalJobId());
    }

    @Test
    void platformEngineerJd_metadataAndKeywords() {
        ParsedJd parsed = parse(JdCorpus.ALL.get(0));

        assertThat(parsed.metadata().company()).isEqualTo("Litware");
        assertThat(parsed.metadata().listingJobTitle()).isEqualTo("Platform Engineer II — Developer Infrastructure");
        assertThat(parsed.metadata().role()).isEqualTo("software_engineer");
        assertThat(parsed.metadata().location()).isEqualTo("Denver, CO");
        assertThat(parsed.contractTerms()).isNull();
        assertThat(parsed.requirements()).filteredOn(r -> r.text().startsWith("Terraform and AWS")).singleElement()
                .satisfies(r -> {
                    assertThat(r.keywords()).contains("Terraform", "AWS", "IAM", "VPC", "EKS", "RDS");
                    assertThat(r.relevance()).isEqualTo(0.9);
                });
        assertThat(parsed.requirements()).filteredOn(r -> r.text().startsWith("Service mesh")).singleElement()
                .satisfies(r -> assertThat(r.relevance()).isEqualTo(0.4));
    }

    @Test
    void contractRole_readsLengthAndHourlyRate() {
        ParsedJd parsed = parse(JdCorpus.ALL.get(5));

        assertThat(parsed.contractTerms()).isEqualTo(new ParsedJd.ContractTerms(null, 12, 70, 85, null, null));
        assertThat(parsed.metadata().role()).isEqualTo("data_engineer");
        assertThat(parsed.metadata().location()).isEqualTo("Remote (U.S.)");
    }

    @Test
    void roleAndSpecializationFromTheTitle() {
        assertThat(parse(JdCorpus.ALL.get(2)).metadata().specialization()).isEqualTo("Backend");
        assertThat(parse(JdCorpus.ALL.get(3)).metadata().specialization()).isEqualTo("Full Stack");
        assertThat(parse(JdCorpus.ALL.get(4)).metadata().role()).isEqualTo("data_analyst");
        assertThat(parse(JdCorpus.ALL.get(6)).metadata().role()).isEqualTo("solutions_engineer");
        assertThat(parse(JdCorpus.ALL.get(8)).metadata().role()).isEqualTo("business_intelligence_engineer");
    }
}
